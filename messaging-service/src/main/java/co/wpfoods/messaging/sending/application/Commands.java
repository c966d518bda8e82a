package co.wpfoods.messaging.sending.application;

import co.wpfoods.messaging.sending.domain.OutboundKindView;
import co.wpfoods.schemas.serde.AvroSerde;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundKind;
import co.wpfoods.schemas.wa.TemplateMessage;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Instant;

/** Small helpers around the command contract: identity, kind, storage bytes, fallback commands. */
public final class Commands {

    private final AvroSerde serde;

    public Commands(AvroSerde serde) {
        this.serde = serde;
    }

    /** Identity of a user: non-empty wa_id, else the business-scoped user id (DESIGN: identity). */
    public static String recipientOf(WaUser user) {
        if (user == null) {
            return "unknown";
        }
        if (user.getWaId() != null && !user.getWaId().isEmpty()) {
            return user.getWaId();
        }
        return user.getUserId() == null || user.getUserId().isBlank() ? "unknown" : user.getUserId();
    }

    public static OutboundKindView kindOf(OutboundCommand command) {
        return command.getKind() == null
                ? OutboundKindView.UNKNOWN
                : OutboundKindView.valueOf(command.getKind().name());
    }

    public byte[] encode(OutboundCommand command) {
        return serde.encode(command);
    }

    public OutboundCommand decode(byte[] bytes) {
        return serde.decode(bytes, OutboundCommand.class);
    }

    /**
     * A command as the log read it back (decrypted). Null means no key of the keyset opened it — a key removed while
     * rows still used it: the send or status fails loudly (the recipient is tried again later) instead of sending
     * something else.
     */
    public OutboundCommand decodeStored(String commandId, byte[] bytes) {
        if (bytes == null) {
            throw new IllegalStateException("The command " + commandId
                    + " cannot be decrypted: its key is no longer in wpfoods.security.keys.personal-data");
        }
        return decode(bytes);
    }

    /** The same envelope carrying the fallback template instead of the content. */
    public static OutboundCommand asTemplate(OutboundCommand command, String commandId, TemplateMessage template) {
        return OutboundCommand.newBuilder()
                .setCommandId(commandId)
                .setKind(OutboundKind.TEMPLATE)
                .setTo(command.getTo())
                .setCorrelationId(command.getCorrelationId())
                .setCreatedAt(Instant.now())
                .setBizOpaqueCallbackData(command.getBizOpaqueCallbackData())
                .setTemplate(template)
                .build();
    }
}
