package co.wpfoods.messaging.privacy.adapter.out.db;

import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureRequest;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.LookupHash;
import java.util.ArrayList;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's messages in the outbound log: every finished command to them, and every finished command correlated with
 * their orders ({@code order:<id or number>}), is deleted with its Avro bytes; their queue row (when nothing is
 * pending) and their 24-hour window go too. Commands still queued or in flight are left to be sent, and the privacy
 * conversation's own notices (correlation {@code privacy:…}: "we are deleting your data", "done") are kept until they
 * are sent: the retention job purges both once they are final. The person is found by the keyed hash of their number
 * (the log stores no number).
 */
public class JdbcMessagingPersonalData implements PersonalData {

    public static final String FINAL_STATES =
            "('accepted', 'sent', 'delivered', 'read', 'played', 'failed', 'dead_lettered')";

    private final JdbcClient jdbc;
    private final LookupHash lookupHash;

    public JdbcMessagingPersonalData(JdbcClient jdbc, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.lookupHash = lookupHash;
    }

    @Override
    public ErasureResult erase(ErasureRequest request) {
        var correlations = new ArrayList<String>();
        request.orderIds().forEach(id -> correlations.add("order:" + id));
        request.orderReferences().forEach(ref -> correlations.add("order:" + ref));
        byte[] person = lookupHash.hash(request.waId());
        int messages = jdbc.sql("""
                        DELETE FROM outbound_message
                        WHERE state IN %s
                          AND (recipient_hash = :wa OR correlation_id = ANY(:correlations))
                          AND correlation_id NOT LIKE 'privacy:%%'
                        """.formatted(FINAL_STATES))
                .param("wa", person)
                .param("correlations", correlations.toArray(String[]::new))
                .update();
        int queue = jdbc.sql("DELETE FROM recipient_queue WHERE recipient_hash = :wa AND pending = 0")
                .param("wa", person)
                .update();
        int window = jdbc.sql("DELETE FROM customer_window WHERE recipient_hash = :wa")
                .param("wa", person)
                .update();
        int left = jdbc.sql("SELECT count(*) FROM outbound_message WHERE recipient_hash = :wa")
                .param("wa", person)
                .query(Integer.class)
                .single();
        return new ErasureResult(
                messages + queue + window,
                0,
                "outbound_message: %d deleted, %d not final yet left for the retention job; recipient_queue: %d deleted; customer_window: %d deleted"
                        .formatted(messages, left, queue, window));
    }
}
