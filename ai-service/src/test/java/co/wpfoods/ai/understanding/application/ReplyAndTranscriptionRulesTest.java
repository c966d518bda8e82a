package co.wpfoods.ai.understanding.application;

import static org.assertj.core.api.Assertions.assertThat;

import co.wpfoods.ai.understanding.application.provider.ReplyDraft;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.application.provider.UsageRecord;
import co.wpfoods.ai.voice.application.Transcriber;
import co.wpfoods.ai.voice.application.TranscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyAndTranscriptionRulesTest {

    static final Map<String, String> FACTS = Map.of("orderId", "A7K2", "etaMinutes", "12", "totalCop", "45.900");

    @Test
    void a_model_reply_that_states_a_number_not_in_the_facts_is_rejected() {
        assertThat(ReplyService.grounded(new ReplyDraft("Tu pedido A7K2 llega en 12 minutos.", "es"), FACTS))
                .isPresent();
        assertThat(ReplyService.grounded(new ReplyDraft("Tu pedido llega en 5 minutos.", "es"), FACTS))
                .isEmpty();
        assertThat(ReplyService.grounded(new ReplyDraft("El total es $52.000.", "es"), FACTS))
                .isEmpty();
        assertThat(ReplyService.grounded(new ReplyDraft("El total es $45.900.", "es"), FACTS))
                .isPresent();
        assertThat(ReplyService.grounded(new ReplyDraft("  ", "es"), FACTS)).isEmpty();
    }

    @Test
    void without_a_provider_a_voice_note_is_unavailable_and_nothing_is_spent() {
        List<UsageRecord> ledger = new ArrayList<>();
        TranscriptionService service = new TranscriptionService(
                Optional.empty(), 1_000_000, BigDecimal.ONE, recording(ledger), Clock.systemUTC());

        TranscriptionService.Result r = service.transcribe(ogg(), "nota.ogg", "es", "c-1");

        assertThat(r.status()).isEqualTo(TranscriptionService.Status.UNAVAILABLE);
        assertThat(service.available()).isFalse();
        assertThat(ledger).isEmpty();
    }

    @Test
    void size_and_container_are_checked_before_the_provider() {
        List<UsageRecord> ledger = new ArrayList<>();
        Transcriber never = new Transcriber() {
            public String provider() {
                return "groq";
            }

            public String model() {
                return "whisper";
            }

            public String transcribe(byte[] audio, String filename, String languageHint) {
                throw new AssertionError("the provider must not be called");
            }
        };
        TranscriptionService service =
                new TranscriptionService(Optional.of(never), 100, BigDecimal.ONE, recording(ledger), Clock.systemUTC());

        assertThat(service.transcribe(new byte[101], "x.ogg", null, null).status())
                .isEqualTo(TranscriptionService.Status.TOO_LARGE);
        assertThat(service.transcribe("not audio, just text".getBytes(), "x.ogg", null, null)
                        .status())
                .isEqualTo(TranscriptionService.Status.NOT_AUDIO);
        assertThat(service.transcribe(new byte[0], "x.ogg", null, null).status())
                .isEqualTo(TranscriptionService.Status.NOT_AUDIO);
        assertThat(ledger).isEmpty();
    }

    static byte[] ogg() {
        byte[] b = new byte[64];
        b[0] = 'O';
        b[1] = 'g';
        b[2] = 'g';
        b[3] = 'S';
        return b;
    }

    static UsageLedger recording(List<UsageRecord> records) {
        return new UsageLedger() {
            public void record(UsageRecord record) {
                records.add(record);
            }

            public List<Summary> summary(Instant from) {
                return List.of();
            }

            public Volume volume(Instant from) {
                return new Volume(0, 0);
            }

            public void countMessage(String engine, String correlationId) {}
        };
    }
}
