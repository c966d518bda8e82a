package co.wpfoods.ai.privacy.application;

import co.wpfoods.ai.privacy.domain.ErasureRequest;
import co.wpfoods.ai.privacy.domain.ErasureResult;

/** This service's rows about a person, erased in the caller's transaction. */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
