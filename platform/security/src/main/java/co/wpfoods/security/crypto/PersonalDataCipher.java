package co.wpfoods.security.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Encrypts personal data (phone numbers, names, addresses, coordinates) for storage with
 * AES-256-GCM through Tink. Every ciphertext starts with Tink's 5-byte prefix (version byte and the
 * id of the key that encrypted it), so old keys keep decrypting after a rotation and
 * {@link #isUnderPrimaryKey} tells the re-encryption job which rows to move. The {@code context}
 * (for example {@code "order_service.customers.name"}) is bound to the ciphertext as associated
 * data: a value copied into another column does not decrypt there.
 */
public final class PersonalDataCipher {

    private static final int PREFIX = 5;

    private final Aead aead;
    private final int primaryKeyId;

    public PersonalDataCipher(String keysetJson) {
        KeysetHandle handle = Keysets.parse(keysetJson);
        try {
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The personal-data keyset is not an AEAD keyset", e);
        }
        this.primaryKeyId = handle.getPrimary().getId();
    }

    public byte[] encrypt(String plaintext, String context) {
        return plaintext == null ? null : encryptBytes(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    /** Encrypts bytes as they are (an archived request body: Meta's signed bytes, not necessarily valid text). */
    public byte[] encryptBytes(byte[] plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        try {
            return aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** The plaintext, or {@link UndecryptableException} when no key of the keyset opens it (or the context differs). */
    public String decrypt(byte[] ciphertext, String context) {
        byte[] plaintext = decryptBytes(ciphertext, context);
        return plaintext == null ? null : new String(plaintext, StandardCharsets.UTF_8);
    }

    /** The bytes {@link #encryptBytes} was given, or {@link UndecryptableException}. */
    public byte[] decryptBytes(byte[] ciphertext, String context) {
        if (ciphertext == null) {
            return null;
        }
        try {
            return aead.decrypt(ciphertext, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new UndecryptableException();
        }
    }

    /** Decrypts with whichever key made it and encrypts again with the primary key (byte for byte). */
    public byte[] reEncrypt(byte[] ciphertext, String context) {
        return encryptBytes(decryptBytes(ciphertext, context), context);
    }

    public int primaryKeyId() {
        return primaryKeyId;
    }

    /** The id of the key that encrypted this ciphertext (from Tink's output prefix). */
    public static int keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < PREFIX) {
            throw new UndecryptableException();
        }
        return ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }

    public boolean isUnderPrimaryKey(byte[] ciphertext) {
        return keyIdOf(ciphertext) == primaryKeyId;
    }

    /** The 4 bytes of the primary key id as they appear after the version byte, for SQL filters. */
    public byte[] primaryKeyIdBytes() {
        return ByteBuffer.allocate(4).putInt(primaryKeyId).array();
    }

    /** A ciphertext that no key of the keyset opens; carries no detail on purpose. */
    public static final class UndecryptableException extends RuntimeException {
        public UndecryptableException() {
            super("The value cannot be decrypted with any key of the keyset");
        }
    }
}
