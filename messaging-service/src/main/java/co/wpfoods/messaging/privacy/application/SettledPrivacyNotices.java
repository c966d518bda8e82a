package co.wpfoods.messaging.privacy.application;

/** The privacy conversation's notices in the outbound log, once they are final. */
public interface SettledPrivacyNotices {

    /**
     * Deletes the notices of the privacy conversation ("we are deleting your data", "done") once they are final,
     * whatever their age, and the queue rows of their recipients left with nothing to send: after an erasure they are
     * the last rows that name the person. Returns how many records went.
     */
    int purgeSettledPrivacyNotices();
}
