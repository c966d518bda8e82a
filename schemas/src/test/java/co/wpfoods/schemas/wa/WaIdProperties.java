package co.wpfoods.schemas.wa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class WaIdProperties {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** A Colombian mobile number without its country code: a 3xx operator prefix and seven digits. */
    @Provide
    Arbitrary<String> colombianMobiles() {
        Arbitrary<String> prefix = Arbitraries.of(
                "300", "301", "302", "303", "304", "305", "310", "311", "312", "313", "314", "315", "316", "317", "318",
                "319", "320", "321", "322", "323", "350", "351");
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofLength(7);
        return Combinators.combine(prefix, rest).as(String::concat);
    }

    @Property
    void every_way_people_type_a_colombian_mobile_is_the_same_wa_id(@ForAll("colombianMobiles") String national) {
        String a = national.substring(0, 3), b = national.substring(3, 6), c = national.substring(6);
        List<String> typed = List.of(
                national,
                a + " " + b + " " + c,
                a + "-" + b + "-" + c,
                "(" + a + ") " + b + "." + c,
                "57" + national,
                "+57" + national,
                "+57 " + a + " " + b + " " + c,
                "(57) " + a + "-" + b + "-" + c,
                "  +57 (" + a + ") " + b + c + "  ");

        for (String text : typed) {
            assertThat(WaId.parse(text).value()).as(text).isEqualTo("57" + national);
        }
    }

    @Property
    void parsing_a_wa_id_again_changes_nothing(@ForAll("colombianMobiles") String national) {
        WaId once = WaId.parse("+57 " + national);

        assertThat(WaId.parse(once.value())).isEqualTo(once);
        assertThat(new WaId(once.value())).isEqualTo(once);
    }

    @Property
    void a_number_of_another_country_keeps_its_own_country_code_with_or_without_plus(@ForAll("regions") String region) {
        var example = PHONES.getExampleNumberForType(region, PhoneNumberType.MOBILE);
        String e164 = PHONES.format(example, PhoneNumberFormat.E164);
        String international = PHONES.format(example, PhoneNumberFormat.INTERNATIONAL);

        assertThat(WaId.parse(e164).value()).isEqualTo(e164.substring(1));
        assertThat(WaId.parse(international).value()).isEqualTo(e164.substring(1));
        assertThat(WaId.parse(e164.substring(1)).value()).isEqualTo(e164.substring(1));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("US", "MX", "VE", "EC", "PE", "ES", "BR", "AR", "GB", "DE");
    }

    @Property
    void text_with_letters_is_refused_with_the_reason(
            @ForAll("colombianMobiles") String national,
            @ForAll @StringLength(min = 1, max = 5) String noise,
            @ForAll("letters") char letter) {
        String typed = national.substring(0, 4) + letter + noise + national.substring(4);

        assertThatThrownBy(() -> WaId.parse(typed)).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> WaId.parse(national + letter))
                .isInstanceOf(WaId.Invalid.class)
                .hasMessageContaining("digits");
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().alpha();
    }

    @Property
    void too_few_or_too_many_digits_is_no_number(
            @ForAll @NumericChars @StringLength(min = 1, max = 6) String tooShort,
            @ForAll @NumericChars @StringLength(min = 16, max = 30) String tooLong) {
        assertThatThrownBy(() -> WaId.parse(tooShort)).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> WaId.parse(tooLong)).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> new WaId(tooShort)).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> new WaId(tooLong)).isInstanceOf(WaId.Invalid.class);
    }

    @Example
    void a_colombian_number_with_a_missing_digit_is_refused() {
        assertThatThrownBy(() -> WaId.parse("+57 300 555 030"))
                .isInstanceOf(WaId.Invalid.class)
                .hasMessageContaining("not a valid phone number");
    }

    @Example
    void nothing_typed_is_no_number() {
        assertThatThrownBy(() -> WaId.parse("  "))
                .isInstanceOf(WaId.Invalid.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> WaId.parse(null)).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> WaId.parse("+")).isInstanceOf(WaId.Invalid.class);
    }

    @Example
    void metas_form_is_required_of_a_stored_number() {
        assertThat(new WaId("573005550301").value()).isEqualTo("573005550301");
        assertThatThrownBy(() -> new WaId("+573005550301")).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> new WaId("57 300 555 0301")).isInstanceOf(WaId.Invalid.class);
        assertThatThrownBy(() -> new WaId(null)).isInstanceOf(WaId.Invalid.class);
    }
}
