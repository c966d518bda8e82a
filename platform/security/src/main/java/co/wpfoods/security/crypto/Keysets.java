package co.wpfoods.security.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import java.security.GeneralSecurityException;

/**
 * Tink keysets for personal data: AES-256-GCM for encryption at rest, HMAC-SHA256 PRF for keyed
 * lookup hashes. A keyset holds several keys, each with an id; one is primary (encrypts, hashes),
 * the others still decrypt. {@link #rotate} adds a new primary and keeps the old keys, which the
 * re-encryption job then makes unnecessary.
 */
public final class Keysets {

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Keysets() {}

    /** A new keyset with one AES-256-GCM key, as Tink's JSON (a secret: store it as one). */
    public static String newPersonalDataKeyset() {
        return generate(PredefinedAeadParameters.AES256_GCM);
    }

    /** A new keyset with one HMAC-SHA256 PRF key, as Tink's JSON (a secret). */
    public static String newLookupKeyset() {
        return generate(PredefinedPrfParameters.HMAC_SHA256_PRF);
    }

    /** The same keyset with a new key of the primary's kind made primary; the old keys stay to decrypt. */
    public static String rotate(String keysetJson) {
        KeysetHandle handle = parse(keysetJson);
        try {
            Parameters parameters = handle.getPrimary().getKey().getParameters();
            // making the new entry primary makes the previous primary an ordinary (decrypting) key
            KeysetHandle rotated = KeysetHandle.newBuilder(handle)
                    .addEntry(KeysetHandle.generateEntryFromParameters(parameters)
                            .withRandomId()
                            .makePrimary())
                    .build();
            return TinkJsonProtoKeysetFormat.serializeKeyset(rotated, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot rotate the keyset", e);
        }
    }

    /** Reads a keyset from Tink's JSON; the message never includes the keyset. */
    public static KeysetHandle parse(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new IllegalArgumentException("No keyset given");
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Not a Tink JSON keyset", e);
        }
    }

    private static String generate(Parameters parameters) {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(parameters), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a keyset", e);
        }
    }
}
