package co.wpfoods.order.marketing.adapter.out.db;

import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_NAME;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_CUSTOMER_WA_ID;
import static co.wpfoods.order.privacy.application.PersonalDataColumns.ORDER_DELIVERY_POINT;

import co.wpfoods.order.catalog.domain.GeoLocation;
import co.wpfoods.order.marketing.application.WinBackCandidates;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Win-back candidates from the orders (the delivery time from the order's history), the consent ledger's table
 * ({@code security_consent_event}, same keyed hash of the number as {@code customer_order.customer_key_hash}) and
 * {@code marketing_win_back}. The ledger is asked in SQL only to keep a run from reading customers who may not get
 * marketing; the caller asks it again before each send.
 */
@Repository
class JdbcWinBackCandidates implements WinBackCandidates {

    private final JdbcClient jdbc;
    private final PersonalDataCipher cipher;
    private final LookupHash lookupHash;

    JdbcWinBackCandidates(JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.lookupHash = lookupHash;
    }

    @Override
    public List<Candidate> due(Instant deliveredBefore, Instant notSentSince, int limit) {
        return jdbc.sql("""
                        SELECT o.customer_wa_id_enc, o.customer_name_enc, o.delivery_point_enc, h.at
                        FROM customer_order o
                        JOIN customer_order_history h ON h.order_id = o.id AND h.status = 'DELIVERED'
                        WHERE o.status = 'DELIVERED' AND o.customer_wa_id_enc IS NOT NULL
                          AND o.delivery_point_enc IS NOT NULL AND h.at < :before
                          AND NOT EXISTS (
                              SELECT 1 FROM customer_order n
                              WHERE n.customer_key_hash = o.customer_key_hash AND n.id <> o.id
                                AND (n.placed_at >= :before OR (n.placed_at > o.placed_at AND n.status <> 'CANCELLED')))
                          AND NOT EXISTS (
                              SELECT 1 FROM marketing_win_back w
                              WHERE w.customer_hash = o.customer_key_hash AND w.sent_at >= :since)
                          AND (SELECT e.action FROM security_consent_event e
                               WHERE e.subject_hash = o.customer_key_hash AND e.purpose = 'MARKETING'
                               ORDER BY e.id DESC LIMIT 1) = 'GRANTED'
                        ORDER BY h.at
                        LIMIT :limit
                        """)
                .param("before", Timestamp.from(deliveredBefore))
                .param("since", Timestamp.from(notSentSince))
                .param("limit", limit)
                .query((rs, n) -> new Candidate(
                        cipher.decrypt(rs.getBytes("customer_wa_id_enc"), ORDER_CUSTOMER_WA_ID),
                        rs.getBytes("customer_name_enc") == null
                                ? null
                                : cipher.decrypt(rs.getBytes("customer_name_enc"), ORDER_CUSTOMER_NAME),
                        point(cipher.decrypt(rs.getBytes("delivery_point_enc"), ORDER_DELIVERY_POINT)),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    @Override
    public boolean claim(String waId, Instant now, Instant notSentSince) {
        return jdbc.sql("""
                        INSERT INTO marketing_win_back (customer_hash, sent_at) VALUES (:hash, :now)
                        ON CONFLICT (customer_hash) DO UPDATE SET sent_at = EXCLUDED.sent_at
                        WHERE marketing_win_back.sent_at < :since
                        """)
                        .param("hash", lookupHash.hash(waId))
                        .param("now", Timestamp.from(now))
                        .param("since", Timestamp.from(notSentSince))
                        .update()
                == 1;
    }

    /** {@code "lat,lon"}, as the orders store a point. */
    private static GeoLocation point(String text) {
        int comma = text.indexOf(',');
        return new GeoLocation(
                Double.parseDouble(text.substring(0, comma)), Double.parseDouble(text.substring(comma + 1)));
    }
}
