package co.wpfoods.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of a service's database encrypted with the {@code PersonalDataCipher}, with its cipher context. Declared
 * as a bean, it switches the kit's re-encryption task ({@code personal-data-re-encryption}) on.
 */
public record EncryptedColumns(List<EncryptedColumn> all) {

    public EncryptedColumns {
        if (all == null || all.isEmpty()) {
            throw new IllegalArgumentException("a service with encrypted columns names at least one");
        }
        all = List.copyOf(all);
    }
}
