package co.wpfoods.webhook.application;

import co.wpfoods.schemas.wa.WaUser;
import co.wpfoods.webhook.domain.LimitPeriod;
import java.time.Instant;

/** Tells a user, once per window, that their messages are over the limit (inside the caller's transaction). */
public interface LimitNotices {

    void notifyOverLimit(String senderKey, WaUser user, LimitPeriod period, Instant windowStart);
}
