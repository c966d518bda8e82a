package co.wpfoods.messaging.it;

import co.wpfoods.schemas.wa.DeliveryState;
import co.wpfoods.schemas.wa.DeliveryStatus;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.TemplateMessage;
import co.wpfoods.schemas.wa.TextContent;
import co.wpfoods.schemas.wa.WaError;
import co.wpfoods.schemas.wa.WaUser;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test data: recipients, inbound messages, statuses and commands. */
final class Fixtures {

    static final String PHONE_NUMBER_ID = "106540352242922";

    private Fixtures() {}

    /** A fresh Colombian wa_id, so tests sharing one context never see each other's messages. */
    static String newWaId() {
        return "573"
                + String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    static OutboundCommands.Draft to(String waId) {
        return OutboundCommands.to(waId).correlationId("order:" + waId);
    }

    static TemplateMessage orderUpdateTemplate() {
        return OutboundCommands.template("pedido_actualizado", "es")
                .bodyText("8841")
                .build();
    }

    static InboundMessage inboundText(String waId, Instant sentAt) {
        return InboundMessage.newBuilder()
                .setMessageId("wamid.IN." + UUID.randomUUID())
                .setType(InboundMessageType.TEXT)
                .setMetaType("text")
                .setFrom(WaUser.newBuilder().setWaId(waId).build())
                .setPhoneNumberId(PHONE_NUMBER_ID)
                .setSentAt(sentAt)
                .setReceivedAt(Instant.now())
                .setText(TextContent.newBuilder().setBody("Hola").build())
                .setRawJson("{}")
                .build();
    }

    static DeliveryStatus status(
            String waId, String wamid, DeliveryState state, String callbackData, Integer errorCode) {
        return DeliveryStatus.newBuilder()
                .setMessageId(wamid)
                .setStatus(state)
                .setMetaStatus(state.name().toLowerCase(Locale.ROOT))
                .setRecipient(WaUser.newBuilder().setWaId(waId).build())
                .setPhoneNumberId(PHONE_NUMBER_ID)
                .setOccurredAt(Instant.now())
                .setReceivedAt(Instant.now())
                .setBizOpaqueCallbackData(callbackData)
                .setErrors(
                        errorCode == null
                                ? List.of()
                                : List.of(WaError.newBuilder()
                                        .setCode(errorCode)
                                        .setTitle("Re-engagement message")
                                        .setMessage("Re-engagement message")
                                        .build()))
                .setRawJson("{}")
                .build();
    }
}
