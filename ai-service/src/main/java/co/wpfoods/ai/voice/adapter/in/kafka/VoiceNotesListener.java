package co.wpfoods.ai.voice.adapter.in.kafka;

import co.wpfoods.ai.understanding.application.ReplyService;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.voice.application.VoiceNotes;
import co.wpfoods.eventing.UnhandledEventException;
import co.wpfoods.eventing.inbox.Inbox;
import co.wpfoods.eventing.outbox.OutboxEvent;
import co.wpfoods.eventing.outbox.OutboxWriter;
import co.wpfoods.schemas.Topics;
import co.wpfoods.schemas.wa.InboundMessage;
import co.wpfoods.schemas.wa.InboundMessageType;
import co.wpfoods.schemas.wa.OutboundCommand;
import co.wpfoods.schemas.wa.OutboundCommands;
import co.wpfoods.schemas.wa.TextContent;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Voice notes from {@code wa.inbound.media.v1}: transcribed and republished as text to the sender's role topic
 * ({@code transcriptOf} = the audio's wamid, the media reference kept); when that is not possible the person is asked
 * to type or tap and the audio reference is kept in {@code ai_voice_note}. Other media go on to the role topic
 * unchanged. Once per event (inbox), outputs through the outbox.
 */
@Component
@ConditionalOnProperty(name = "wpfoods.ai.kafka.enabled", havingValue = "true", matchIfMissing = true)
class VoiceNotesListener {

    static final String CONSUMER = "ai-service.voice-notes";

    private final Inbox inbox;
    private final OutboxWriter outbox;
    private final VoiceNotes voiceNotes;
    private final ReplyService.Messages messages;

    VoiceNotesListener(Inbox inbox, OutboxWriter outbox, VoiceNotes voiceNotes, ReplyService.Messages messages) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.voiceNotes = voiceNotes;
        this.messages = messages;
    }

    @KafkaListener(topics = Topics.WhatsApp.INBOUND_MEDIA, groupId = "ai-service.voice-notes")
    void on(ConsumerRecord<String, SpecificRecord> record) {
        switch (record.value()) {
            case InboundMessage m ->
                inbox.processOnce(CONSUMER, Inbox.eventIdOf(record), () -> handle(m, record.key()));
            case null, default -> throw new UnhandledEventException(CONSUMER, record.value());
        }
    }

    private void handle(InboundMessage m, String key) {
        String topic = Topics.WhatsApp.inboundFor(m.getRole());
        String correlation = "conversation:" + key;
        boolean voice = m.getType() == InboundMessageType.AUDIO
                && m.getMedia() != null
                && m.getMedia().getMediaId() != null;
        if (!voice) {
            outbox.append(OutboxEvent.of(topic, key, m, correlation));
            return;
        }
        String waId = m.getFrom().getWaId();
        VoiceNotes.VoiceNote note = new VoiceNotes.VoiceNote(
                m.getMessageId(),
                waId,
                Role.valueOf(m.getRole().name()),
                m.getMedia().getMediaId(),
                m.getMedia().getMimeType(),
                null);
        switch (voiceNotes.handle(note)) {
            case VoiceNotes.Outcome.Transcribed t -> {
                InboundMessage text = InboundMessage.newBuilder(m)
                        .setType(InboundMessageType.TEXT)
                        .setMetaType("text")
                        .setText(TextContent.newBuilder().setBody(t.text()).build())
                        .setTranscriptOf(m.getMessageId())
                        .build();
                outbox.append(OutboxEvent.of(topic, key, text, correlation));
            }
            case VoiceNotes.Outcome.AskToType ask -> {
                String body = messages.get(
                        ask.status().name().equals("TOO_LARGE") ? "voice.too-large" : "voice.type-instead",
                        "es",
                        Map.of());
                OutboundCommand command = OutboundCommands.to(m.getFrom())
                        .commandId("ai-voice-" + m.getMessageId())
                        .correlationId(correlation)
                        .replyTo(m.getMessageId())
                        .text(body);
                outbox.append(OutboxEvent.of(Topics.WhatsApp.OUTBOUND, key, command, correlation));
            }
        }
    }
}
