package co.wpfoods.privacy.application;

import co.wpfoods.privacy.domain.ErasureRequest;

/**
 * This service's part of an erasure (Ley 1581): delete or anonymize the person's rows, then confirm — one transaction
 * with the inbox record, so the confirmation exists exactly when the rows are gone.
 */
public class ForgettingPeople {

    private final PersonalData data;
    private final ErasureConfirmations confirmations;

    public ForgettingPeople(PersonalData data, ErasureConfirmations confirmations) {
        this.data = data;
        this.confirmations = confirmations;
    }

    public void forget(ErasureRequest request) {
        confirmations.confirmed(request.erasureId(), data.erase(request));
    }
}
