package co.wpfoods.gateway.edge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void keeps_a_well_formed_incoming_id() {
        assertThat(RequestId.keepOrGenerate("ops-dash:req_42.a").value()).isEqualTo("ops-dash:req_42.a");
    }

    @Test
    void replaces_ids_that_are_malformed_too_long_or_hold_a_phone_number() {
        assertThat(RequestId.keepOrGenerate("abc\r\nforged-log-line").value()).isNotEqualTo("abc\r\nforged-log-line");
        assertThat(RequestId.keepOrGenerate("x".repeat(65)).value()).hasSizeLessThanOrEqualTo(64);
        assertThat(RequestId.keepOrGenerate("user-573001234567").value()).doesNotContain("573001234567");
        assertThat(RequestId.keepOrGenerate(null).value()).isNotBlank();
        assertThat(RequestId.keepOrGenerate("").value()).isNotBlank();
    }

    @RepeatedTest(50)
    void generated_ids_are_well_formed_and_never_look_like_phone_numbers() {
        assertThat(RequestId.isWellFormed(RequestId.generate().value())).isTrue();
    }

    @Test
    void generated_ids_are_distinct_version_4_uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String value = RequestId.generate().value();
            UUID uuid = UUID.fromString(value);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(value);
            assertThat(seen.add(value)).isTrue();
        }
    }
}
