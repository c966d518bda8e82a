package co.wpfoods.security.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.wpfoods.security.crypto.Keysets;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.testing.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConsentLedgerIT {

    static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

    JdbcClient jdbc;
    ConsentLedger ledger;
    String lookupKeyset = Keysets.newLookupKeyset();

    @BeforeEach
    void migratedDatabase() {
        PostgresServer postgres = PostgresServer.shared();
        String database = postgres.createDatabase("consent" + System.nanoTime());
        var source = new PGSimpleDataSource();
        source.setUrl(postgres.jdbcUrl(database));
        source.setUser(PostgresServer.USER);
        source.setPassword(PostgresServer.PASSWORD);
        Flyway.configure()
                .dataSource(source)
                .locations("classpath:db/security")
                .load()
                .migrate();
        jdbc = JdbcClient.create(source);
        ledger = new ConsentLedger(jdbc, new LookupHash(lookupKeyset), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_grant_is_recorded_with_its_time_and_policy_version_and_no_phone_number_in_clear() {
        ledger.grant("573001112233", ConsentPurpose.PERSONAL_DATA, "2026-11");

        var decision =
                ledger.current("573001112233", ConsentPurpose.PERSONAL_DATA).orElseThrow();
        assertThat(decision.granted()).isTrue();
        assertThat(decision.policyVersion()).isEqualTo("2026-11");
        assertThat(decision.recordedAt()).isEqualTo(NOW);
        List<byte[]> stored = jdbc.sql("SELECT subject_hash FROM security_consent_event")
                .query(byte[].class)
                .list();
        assertThat(stored)
                .singleElement()
                .satisfies(hash -> assertThat(new String(hash, StandardCharsets.ISO_8859_1))
                        .doesNotContain("573001112233"));
    }

    @Test
    void withdrawing_marketing_stops_it_and_keeps_the_proof_of_both_decisions() {
        ledger.grant("573001112233", ConsentPurpose.MARKETING, "2026-11");
        assertThat(ledger.mayUse("573001112233", ConsentPurpose.MARKETING)).isTrue();

        ledger.withdraw("573001112233", ConsentPurpose.MARKETING);

        assertThat(ledger.mayUse("573001112233", ConsentPurpose.MARKETING)).isFalse();
        assertThat(ledger.history("573001112233"))
                .extracting(ConsentLedger.Decision::granted)
                .containsExactly(true, false);
        assertThat(ledger.mayUse("573009999999", ConsentPurpose.MARKETING)).isFalse();
    }

    @Test
    void a_grant_recorded_before_a_lookup_key_rotation_is_still_found() {
        ledger.grant("573001112233", ConsentPurpose.PERSONAL_DATA, "2026-11");

        var afterRotation =
                new ConsentLedger(jdbc, new LookupHash(Keysets.rotate(lookupKeyset)), Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(afterRotation.mayUse("573001112233", ConsentPurpose.PERSONAL_DATA))
                .isTrue();
    }

    @Test
    void erasure_forgets_every_record_of_that_person_only() {
        ledger.grant("573001112233", ConsentPurpose.PERSONAL_DATA, "2026-11");
        ledger.grant("573001112233", ConsentPurpose.MARKETING, "2026-11");
        ledger.grant("573001112244", ConsentPurpose.PERSONAL_DATA, "2026-11");

        assertThat(ledger.forget("573001112233")).isEqualTo(2);

        assertThat(ledger.history("573001112233")).isEmpty();
        assertThat(ledger.mayUse("573001112244", ConsentPurpose.PERSONAL_DATA)).isTrue();
    }

    @Test
    void a_consent_without_a_policy_version_is_refused() {
        assertThatThrownBy(() -> ledger.grant("573001112233", ConsentPurpose.PERSONAL_DATA, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
