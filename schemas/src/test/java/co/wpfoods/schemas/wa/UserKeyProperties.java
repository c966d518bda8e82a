package co.wpfoods.schemas.wa;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.schemas.Topics;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.Whitespace;
import org.junit.jupiter.api.Test;

class UserKeyProperties {

    @Property
    void a_wa_id_wins_over_the_bsuid_whatever_surrounds_it(
            @ForAll @NumericChars @StringLength(min = 6, max = 20) String digits,
            @ForAll @Whitespace @StringLength(max = 3) String padding,
            @ForAll String bsuid) {
        assertThat(UserKey.of(padding + digits + padding, bsuid)).contains(digits);
        assertThat(UserKey.of("+" + digits, bsuid)).contains(digits);
    }

    @Property
    void without_a_wa_id_the_bsuid_is_the_key(
            @ForAll @Whitespace @StringLength(max = 3) String blank,
            @ForAll @NumericChars @StringLength(min = 1, max = 20) String bsuid) {
        String user = "CO." + bsuid;

        assertThat(UserKey.of(blank, user)).contains(user);
        assertThat(UserKey.of(null, " " + user + " ")).contains(user);
        assertThat(UserKey.orUnknown(WaUser.newBuilder().setUserId(user).build()))
                .isEqualTo(user);
    }

    @Property
    void a_user_with_neither_has_no_key(@ForAll @Whitespace @StringLength(max = 3) String blank) {
        assertThat(UserKey.of(blank, blank)).isEmpty();
        assertThat(UserKey.of("+", null)).isEmpty();
        assertThat(UserKey.orUnknown(blank, null)).isEqualTo(UserKey.UNKNOWN);
        assertThat(UserKey.of((WaUser) null)).isEmpty();
    }

    @Test
    void each_role_has_its_own_inbound_topic() {
        assertThat(Topics.WhatsApp.inboundFor(Role.CUSTOMER)).isEqualTo(Topics.WhatsApp.INBOUND_CUSTOMER);
        assertThat(Topics.WhatsApp.inboundFor(Role.RESTAURANT)).isEqualTo(Topics.WhatsApp.INBOUND_RESTAURANT);
        assertThat(Topics.WhatsApp.inboundFor(Role.WORKER)).isEqualTo(Topics.WhatsApp.INBOUND_WORKER);
        assertThat(java.util.Arrays.stream(Role.values()).map(Topics.WhatsApp::inboundFor))
                .containsExactlyElementsOf(Topics.WhatsApp.INBOUND_BY_ROLE);
    }
}
