package co.wpfoods.webhook.receiving.application;

import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.webhook.receiving.domain.LimitPeriod;
import java.time.Instant;

/** Tells a user, once per window, that their messages are over the limit (inside the caller's transaction). */
public interface LimitNotices {

    void notifyOverLimit(String senderKey, WaUser user, LimitPeriod period, Instant windowStart);
}
