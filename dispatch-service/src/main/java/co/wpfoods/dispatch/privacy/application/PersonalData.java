package co.wpfoods.dispatch.privacy.application;

import co.wpfoods.dispatch.privacy.domain.ErasureRequest;
import co.wpfoods.dispatch.privacy.domain.ErasureResult;

/** This service's rows about a person, erased in the caller's transaction. */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
