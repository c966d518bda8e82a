package co.wpfoods.messaging.privacy.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the privacy conversation's notices as soon as they are final, and their recipients' queue rows left with
 * nothing to send; run every few seconds by the db-scheduler task {@code privacy-notice-purge}, so an erased person's
 * number does not wait for the next retention run (the retention itself is the privacy kit's, over the same log).
 */
public class PurgingSettledPrivacyNotices {

    private static final Logger log = LoggerFactory.getLogger(PurgingSettledPrivacyNotices.class);

    private final SettledPrivacyNotices notices;

    public PurgingSettledPrivacyNotices(SettledPrivacyNotices notices) {
        this.notices = notices;
    }

    /** Returns how many records went. */
    public int purge() {
        int deleted = notices.purgeSettledPrivacyNotices();
        if (deleted > 0) {
            log.info("Privacy: deleted {} settled privacy notices and idle queue rows", deleted);
        }
        return deleted;
    }
}
