package co.wpfoods.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PersonalDataCipherProperties {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(Keysets.newPersonalDataKeyset());
    static final LookupHash HASH = new LookupHash(Keysets.newLookupKeyset());

    @Property(tries = 300)
    void any_text_comes_back_exactly_as_it_went_in(@ForAll String text, @ForAll String context) {
        assertThat(CIPHER.decrypt(CIPHER.encrypt(text, context), context)).isEqualTo(text);
    }

    @Property(tries = 300)
    void the_lookup_hash_is_stable_and_tells_different_values_apart(@ForAll String a, @ForAll String b) {
        assertThat(HASH.hash(a)).isEqualTo(HASH.hash(a)).hasSize(32);
        if (!a.equals(b)) {
            assertThat(HASH.hash(a)).isNotEqualTo(HASH.hash(b));
        }
    }
}
