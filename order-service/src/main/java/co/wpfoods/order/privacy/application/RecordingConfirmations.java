package co.wpfoods.order.privacy.application;

import co.wpfoods.order.privacy.domain.Confirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The coordinator: records each service's confirmation; when the last expected one arrives the person is told their
 * data is gone (naming a fallback template, since this may be after their 24-hour window) and the erasure forgets
 * the number too — the report keeps only who confirmed what and when.
 */
@Service
public class RecordingConfirmations {

    private static final Logger log = LoggerFactory.getLogger(RecordingConfirmations.class);

    private final Erasures erasures;
    private final TellingPrivacyNews news;

    public RecordingConfirmations(Erasures erasures, TellingPrivacyNews news) {
        this.erasures = erasures;
        this.news = news;
    }

    public void record(String erasureId, Confirmation confirmation) {
        var found = erasures.lock(erasureId);
        if (found.isEmpty()) {
            log.warn("Confirmation from {} for unknown erasure {} ignored", confirmation.service(), erasureId);
            return;
        }
        var erasure = found.get();
        if (!erasure.expectedServices().contains(confirmation.service())) {
            log.warn(
                    "Confirmation from {} for erasure {} is not expected; recorded", confirmation.service(), erasureId);
        }
        boolean completed = erasure.confirm(confirmation);
        if (completed) {
            erasure.waId().ifPresent(waId -> news.erased(waId, erasure.language(), erasure.id()));
            erasure.forgetNumber();
            log.info("Erasure {} complete: every service confirmed", erasureId);
        }
        erasures.save(erasure);
    }
}
