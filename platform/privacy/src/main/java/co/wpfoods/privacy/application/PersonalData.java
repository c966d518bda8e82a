package co.wpfoods.privacy.application;

import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;

/**
 * A service's rows about a person, erased in the caller's transaction. The one thing a service writes to take part in
 * erasures: declared as a bean, it switches the kit's erasure listener on.
 */
public interface PersonalData {

    ErasureResult erase(ErasureRequest request);
}
