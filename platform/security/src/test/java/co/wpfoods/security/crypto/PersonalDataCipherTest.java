package co.wpfoods.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static final String CONTEXT = "order_service.customers.name";

    @Test
    void encrypts_so_that_the_clear_text_is_not_in_the_stored_bytes_and_decrypts_back() {
        var cipher = new PersonalDataCipher(Keysets.newPersonalDataKeyset());

        byte[] stored = cipher.encrypt("Laura Martínez", CONTEXT);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Laura");
        assertThat(cipher.decrypt(stored, CONTEXT)).isEqualTo("Laura Martínez");
        assertThat(cipher.encrypt("Laura Martínez", CONTEXT)).isNotEqualTo(stored);
    }

    @Test
    void a_value_copied_into_another_column_does_not_decrypt_there() {
        var cipher = new PersonalDataCipher(Keysets.newPersonalDataKeyset());
        byte[] name = cipher.encrypt("Laura Martínez", CONTEXT);

        assertThatThrownBy(() -> cipher.decrypt(name, "order_service.customers.address"))
                .isInstanceOf(PersonalDataCipher.UndecryptableException.class)
                .hasMessageNotContaining("Laura");
    }

    @Test
    void another_keyset_cannot_decrypt() {
        byte[] stored = new PersonalDataCipher(Keysets.newPersonalDataKeyset()).encrypt("573001112233", CONTEXT);

        assertThatThrownBy(() -> new PersonalDataCipher(Keysets.newPersonalDataKeyset()).decrypt(stored, CONTEXT))
                .isInstanceOf(PersonalDataCipher.UndecryptableException.class);
    }

    @Test
    void after_a_rotation_old_values_still_decrypt_and_new_ones_carry_the_new_key_id() {
        String before = Keysets.newPersonalDataKeyset();
        var oldCipher = new PersonalDataCipher(before);
        byte[] old = oldCipher.encrypt("Calle 45 # 13-20, Chapinero", CONTEXT);

        var rotated = new PersonalDataCipher(Keysets.rotate(before));
        byte[] fresh = rotated.encrypt("Calle 45 # 13-20, Chapinero", CONTEXT);

        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo("Calle 45 # 13-20, Chapinero");
        assertThat(PersonalDataCipher.keyIdOf(old)).isEqualTo(oldCipher.primaryKeyId());
        assertThat(rotated.primaryKeyId()).isNotEqualTo(oldCipher.primaryKeyId());
        assertThat(rotated.isUnderPrimaryKey(old)).isFalse();
        assertThat(rotated.isUnderPrimaryKey(fresh)).isTrue();
        assertThat(rotated.isUnderPrimaryKey(rotated.reEncrypt(old, CONTEXT))).isTrue();
    }

    @Test
    void bytes_that_are_not_text_round_trip_and_move_to_a_new_key_byte_for_byte() {
        // given an archived body that is not valid UTF-8, encrypted under the first key
        String first = Keysets.newPersonalDataKeyset();
        byte[] body = {(byte) 0xff, (byte) 0xfe, '{', (byte) 0xc3};
        byte[] stored = new PersonalDataCipher(first).encryptBytes(body, CONTEXT);

        // when the keyset is rotated and the value re-encrypted
        var rotated = new PersonalDataCipher(Keysets.rotate(first));
        byte[] moved = rotated.reEncrypt(stored, CONTEXT);

        // then it is under the new key and holds the very same bytes
        assertThat(rotated.isUnderPrimaryKey(moved)).isTrue();
        assertThat(rotated.decryptBytes(moved, CONTEXT)).isEqualTo(body);
        assertThat(rotated.decryptBytes(stored, CONTEXT)).isEqualTo(body);
    }

    @Test
    void a_keyset_that_is_not_json_is_refused_without_echoing_it() {
        assertThatThrownBy(() -> new PersonalDataCipher("secret-looking-garbage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret-looking-garbage");
    }
}
