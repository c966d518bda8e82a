package co.wpfoods.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LookupHashTest {

    @Test
    void the_same_number_gives_the_same_hash_under_one_key_and_another_under_another_key() {
        String keyset = Keysets.newLookupKeyset();

        byte[] once = new LookupHash(keyset).hash("573001112233");
        byte[] again = new LookupHash(keyset).hash("573001112233");
        byte[] otherKey = new LookupHash(Keysets.newLookupKeyset()).hash("573001112233");

        assertThat(once).isEqualTo(again).hasSize(32);
        assertThat(otherKey).isNotEqualTo(once);
    }

    @Test
    void during_a_rotation_a_row_hashed_under_the_old_key_is_still_found() {
        String before = Keysets.newLookupKeyset();
        byte[] storedBeforeRotation = new LookupHash(before).hash("573001112233");

        var rotated = new LookupHash(Keysets.rotate(before));

        assertThat(rotated.hash("573001112233")).isNotEqualTo(storedBeforeRotation);
        assertThat(rotated.candidates("573001112233"))
                .hasSize(2)
                .anySatisfy(h -> assertThat(h).isEqualTo(storedBeforeRotation));
    }
}
