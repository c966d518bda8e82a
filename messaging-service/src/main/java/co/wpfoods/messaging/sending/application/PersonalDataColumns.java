package co.wpfoods.messaging.sending.application;

import co.wpfoods.security.crypto.ReEncryptionJob.EncryptedColumn;
import java.util.List;

/**
 * Every column of messaging-service encrypted with the {@code PersonalDataCipher}, with its cipher context: the outbound
 * log adapter, the migration ({@code V6__Encrypt_personal_data}) and the re-encryption job read it. Recipients (the
 * outbound log's, the queues' and the 24-hour windows') are keyed hashes only.
 */
public final class PersonalDataColumns {

    /** The command's Avro bytes: names, addresses, texts and the number it goes to. */
    public static final String OUTBOUND_COMMAND = "messaging_service.outbound_message.command";

    public static final List<EncryptedColumn> ALL =
            List.of(new EncryptedColumn("outbound_message", "command_id", "command_enc", OUTBOUND_COMMAND));

    private PersonalDataColumns() {}
}
