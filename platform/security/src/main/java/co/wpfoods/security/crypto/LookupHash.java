package co.wpfoods.security.crypto;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A keyed hash (HMAC-SHA256 PRF through Tink) for finding a row by a personal value, such as a
 * WhatsApp number, without storing it in clear: the same value gives the same 32 bytes under one key,
 * and without the key the hash cannot be reversed by trying every Colombian phone number. During a
 * rotation of the lookup key, {@link #candidates} gives the hash under every key of the keyset.
 */
public final class LookupHash {

    private static final int LENGTH = 32;

    private final PrfSet prfs;

    public LookupHash(String keysetJson) {
        KeysetHandle handle = Keysets.parse(keysetJson);
        try {
            this.prfs = handle.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The lookup keyset is not a PRF keyset", e);
        }
    }

    /** The hash under the primary key; {@code value} should already be normalised (e.g. a WaId's digits). */
    public byte[] hash(String value) {
        try {
            return prfs.computePrimary(value.getBytes(StandardCharsets.UTF_8), LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Hashing failed", e);
        }
    }

    /** The hash under every key of the keyset, primary first: look a row up by any of them while rows move. */
    public List<byte[]> candidates(String value) {
        List<byte[]> hashes = new ArrayList<>();
        hashes.add(hash(value));
        try {
            for (Map.Entry<Integer, Prf> entry : prfs.getPrfs().entrySet()) {
                if (entry.getKey() != prfs.getPrimaryId()) {
                    hashes.add(entry.getValue().compute(value.getBytes(StandardCharsets.UTF_8), LENGTH));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Hashing failed", e);
        }
        return hashes;
    }
}
