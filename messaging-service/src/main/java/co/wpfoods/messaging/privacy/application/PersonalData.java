package co.wpfoods.messaging.privacy.application;

import co.wpfoods.messaging.privacy.domain.ErasureRequest;
import co.wpfoods.messaging.privacy.domain.ErasureResult;

/** This service's rows about a person, erased in the caller's transaction. */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
