package co.wpfoods.payment.privacy.application;

import co.wpfoods.payment.privacy.domain.ErasureRequest;
import co.wpfoods.payment.privacy.domain.ErasureResult;

/** This service's rows about a person, erased in the caller's transaction. */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
