package co.wpfoods.webhook.privacy.application;

import co.wpfoods.webhook.privacy.domain.ErasureRequest;
import co.wpfoods.webhook.privacy.domain.ErasureResult;

/** This service's rows about a person, erased in the caller's transaction. */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
