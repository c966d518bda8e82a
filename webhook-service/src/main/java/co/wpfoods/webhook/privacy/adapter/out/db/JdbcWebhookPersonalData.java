package co.wpfoods.webhook.privacy.adapter.out.db;

import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person in webhook-service: every archived POST about them (their messages with their profile name, texts and
 * locations, and the statuses of messages to them — found by the keyed hash of their number in
 * {@code raw_webhook_party}, the archive itself being encrypted) is deleted whole — a POST is Meta's signed bytes and is
 * not rewritten; the rare other events batched in the same POST go with it — and their usage counters. The dedup
 * ledger holds only message ids. The role directory is left as it is: it mirrors registrations that order- and
 * dispatch-service own (removing a number there would re-route a staff member or worker as a customer).
 */
public class JdbcWebhookPersonalData implements PersonalData {

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcWebhookPersonalData(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        byte[] wa = lookupHash.hash(request.waId());
        // raw_webhook_party rows go with their archive (ON DELETE CASCADE)
        int archived = jdbc.sql("""
                        DELETE FROM raw_webhook WHERE id IN (SELECT webhook_id FROM raw_webhook_party WHERE party_hash = :wa)
                        """).param("wa", wa).update();
        int usage = jdbc.sql("DELETE FROM inbound_usage WHERE sender_hash = :wa")
                .param("wa", wa)
                .update();
        return new ErasureResult(
                archived + usage, 0, "raw_webhook: %d deleted; inbound_usage: %d deleted".formatted(archived, usage));
    }
}
