package co.wpfoods.webhook.privacy.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of webhook-service encrypted with the {@code PersonalDataCipher}, with its cipher context: the archive
 * adapter, the migration ({@code V3__Encrypt_personal_data}) and the re-encryption job read it. Numbers elsewhere
 * (usage counters, the role directory, the archive's parties) are keyed hashes only.
 */
public final class PersonalDataColumns {

    public static final String RAW_WEBHOOK_BODY = "webhook_service.raw_webhook.body";

    public static final List<EncryptedColumn> ALL =
            List.of(new EncryptedColumn("raw_webhook", "id", "body_enc", RAW_WEBHOOK_BODY));

    private PersonalDataColumns() {}
}
