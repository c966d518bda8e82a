package co.wpfoods.webhook.privacy.adapter.out.db;

import co.wpfoods.webhook.privacy.application.PersonalData;
import co.wpfoods.webhook.privacy.domain.ErasureRequest;
import co.wpfoods.webhook.privacy.domain.ErasureResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person in webhook-service: every archived POST that names their number (their messages with their profile name,
 * texts and locations, and the statuses of messages to them) is deleted whole — a POST is Meta's signed bytes and is
 * not rewritten; the rare other events batched in the same POST go with it — and their usage counters. The dedup
 * ledger holds only message ids. The role directory is left as it is: it mirrors registrations that order- and
 * dispatch-service own (removing a number there would re-route a staff member or worker as a customer).
 */
public class JdbcWebhookPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    public JdbcWebhookPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        int archived = jdbc.sql("DELETE FROM raw_webhook WHERE position(convert_to(:wa, 'UTF8') in body) > 0")
                .param("wa", request.waId())
                .update();
        int usage = jdbc.sql("DELETE FROM inbound_usage WHERE sender = :wa")
                .param("wa", request.waId())
                .update();
        return new ErasureResult(
                archived + usage, 0, "raw_webhook: %d deleted; inbound_usage: %d deleted".formatted(archived, usage));
    }
}
