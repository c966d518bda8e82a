package co.wpfoods.privacytest;

import co.wpfoods.privacy.application.EncryptedColumns;
import co.wpfoods.privacy.application.ExpiredRecords;
import co.wpfoods.privacy.application.PersonalData;
import co.wpfoods.privacy.domain.ErasureResult;
import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Outside co.wpfoods.privacy so that component scanning does not pick up the kit itself. The smallest service that
 * takes part in Ley 1581: it declares only what is its own — its rows about a person, its expired records and its
 * encrypted column — as a real service does.
 */
@SpringBootApplication
public class PrivacyKitTestApplication {

    public static final String SECRET_CONTEXT = "privacy_kit_test.kit_secret.value";

    @Bean
    PersonalData personalData(JdbcClient jdbc) {
        return request -> {
            int deleted = jdbc.sql("DELETE FROM kit_person WHERE wa_id = :wa")
                    .param("wa", request.waId())
                    .update();
            jdbc.sql("INSERT INTO kit_erasure_run (erasure_id) VALUES (:id)")
                    .param("id", request.erasureId())
                    .update();
            return new ErasureResult(deleted, 0, "kit_person: %d deleted".formatted(deleted));
        };
    }

    @Bean
    ExpiredRecords expiredRecords(JdbcClient jdbc) {
        return (before, batch) -> jdbc.sql("""
                        DELETE FROM kit_record WHERE id IN
                            (SELECT id FROM kit_record WHERE created_at < :before ORDER BY created_at LIMIT :batch)
                        """)
                .param("before", Timestamp.from(before))
                .param("batch", batch)
                .update();
    }

    @Bean
    EncryptedColumns encryptedColumns() {
        return new EncryptedColumns(List.of(new EncryptedColumn("kit_secret", "id", "value_enc", SECRET_CONTEXT)));
    }
}
