package co.wpfoods.order.support.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.TICKET_CUSTOMER_KEY;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.TICKET_HANDLED_BY;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.TICKET_TEXT;

import co.wpfoods.order.support.application.SupportQueue;
import co.wpfoods.order.support.domain.ComplaintKind;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets: the customer's key (found by its keyed hash), what they wrote and the staff name that took it, encrypted. */
@Repository
class JdbcSupportQueue implements SupportQueue {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcSupportQueue(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public String open(String customerKey, String orderId, Kind kind, String text) {
        String id = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        jdbc.sql("""
                        INSERT INTO support_ticket (id, customer_key_hash, customer_key_enc, order_id, kind, text_enc, status,
                                                    created_at)
                        VALUES (:id, :customerHash, :customer, :order, :kind, :text, 'OPEN', now())
                        """)
                .param("id", id)
                .param("customerHash", lookupHash.hash(customerKey))
                .param("customer", cipher.encrypt(customerKey, TICKET_CUSTOMER_KEY))
                .param("order", orderId)
                .param("kind", kind.name())
                .param("text", cipher.encrypt(text, TICKET_TEXT))
                .update();
        return id;
    }

    @Override
    public String complaint(String customerKey, String orderId, ComplaintKind category, String text) {
        String id = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(java.util.Locale.ROOT);
        var routedTo = orderId == null ? ComplaintKind.Owner.OPS : category.owner();
        jdbc.sql("""
                        INSERT INTO support_ticket (id, customer_key_hash, customer_key_enc, order_id, kind, text_enc, status,
                                                    created_at, category, routed_to)
                        VALUES (:id, :customerHash, :customer, :order, 'COMPLAINT', :text, 'OPEN', now(), :category,
                                :routedTo)
                        """)
                .param("id", id)
                .param("customerHash", lookupHash.hash(customerKey))
                .param("customer", cipher.encrypt(customerKey, TICKET_CUSTOMER_KEY))
                .param("order", orderId)
                .param("text", cipher.encrypt(text, TICKET_TEXT))
                .param("category", category.name())
                .param("routedTo", routedTo.name())
                .update();
        return id;
    }

    @Override
    public Optional<Ticket> find(String id) {
        return jdbc.sql("SELECT * FROM support_ticket WHERE id = :id")
                .param("id", id)
                .query(this::ticket)
                .optional();
    }

    @Override
    public boolean answerByRestaurant(String id, String staffName, boolean toOps) {
        return jdbc.sql("""
                        UPDATE support_ticket SET handled_by_enc = :by, routed_to = :routedTo
                         WHERE id = :id AND routed_to = 'RESTAURANT' AND handled_by_enc IS NULL
                        """)
                        .param("id", id)
                        .param("by", cipher.encrypt(staffName, TICKET_HANDLED_BY))
                        .param("routedTo", toOps ? "OPS" : "RESTAURANT")
                        .update()
                == 1;
    }

    @Override
    public List<Ticket> open(int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM support_ticket WHERE status = 'OPEN' AND routed_to = 'OPS'
                         ORDER BY created_at, id LIMIT :size OFFSET :offset
                        """)
                .param("size", size)
                .param("offset", page * size)
                .query(this::ticket)
                .list();
    }

    private Ticket ticket(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String category = rs.getString("category");
        return new Ticket(
                rs.getString("id"),
                cipher.decrypt(rs.getBytes("customer_key_enc"), TICKET_CUSTOMER_KEY),
                rs.getString("order_id"),
                Kind.valueOf(rs.getString("kind")),
                cipher.decrypt(rs.getBytes("text_enc"), TICKET_TEXT),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                category == null ? null : ComplaintKind.valueOf(category),
                ComplaintKind.Owner.valueOf(rs.getString("routed_to")),
                cipher.decrypt(rs.getBytes("handled_by_enc"), TICKET_HANDLED_BY));
    }
}
