package co.wpfoods.ai.voice.application;

import co.wpfoods.ai.understanding.application.OfflineEngine;
import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.application.provider.UsageRecord;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;

/**
 * Use case: a voice note to text. Checks size and container before spending anything; with no provider configured
 * it answers {@link Status#UNAVAILABLE} so that the caller can ask the person to type or tap instead.
 */
public final class TranscriptionService {

    public enum Status {
        TRANSCRIBED,
        UNAVAILABLE,
        TOO_LARGE,
        NOT_AUDIO,
        FAILED
    }

    public record Result(Status status, String text, String language, Double seconds, String detail) {}

    private final Optional<Transcriber> transcriber;
    private final long maxBytes;
    private final BigDecimal usdPerHour;
    private final UsageLedger ledger;
    private final Clock clock;

    public TranscriptionService(
            Optional<Transcriber> transcriber, long maxBytes, BigDecimal usdPerHour, UsageLedger ledger, Clock clock) {
        this.transcriber = transcriber;
        this.maxBytes = maxBytes;
        this.usdPerHour = usdPerHour;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Whether a transcription provider is configured. */
    public boolean available() {
        return transcriber.isPresent();
    }

    public Result transcribe(byte[] audio, String filename, String languageHint, String correlationId) {
        if (audio == null || audio.length == 0) {
            return new Result(Status.NOT_AUDIO, null, null, null, "the file is empty");
        }
        if (audio.length > maxBytes) {
            return new Result(
                    Status.TOO_LARGE,
                    null,
                    null,
                    null,
                    "the file has %d bytes; the limit is %d".formatted(audio.length, maxBytes));
        }
        Optional<AudioCheck.Container> container = AudioCheck.container(audio);
        if (container.isEmpty()) {
            return new Result(
                    Status.NOT_AUDIO,
                    null,
                    null,
                    null,
                    "the file is not OGG/Opus, MP3, WAV, M4A, WebM, FLAC or AMR audio");
        }
        Double seconds = container.get() == AudioCheck.Container.OGG
                ? AudioCheck.oggSeconds(audio).orElse(null)
                : null;
        if (transcriber.isEmpty()) {
            return new Result(Status.UNAVAILABLE, null, null, seconds, "no transcription provider is configured");
        }
        Transcriber t = transcriber.get();
        long start = System.nanoTime();
        String name = filename == null || filename.isBlank()
                ? "voice." + container.get().name().toLowerCase(java.util.Locale.ROOT)
                : filename;
        try {
            String text = t.transcribe(audio, name, languageHint);
            record(t, start, seconds, UsageRecord.Outcome.OK, correlationId);
            String language = OfflineEngine.language(TextNormalizer.tokens(text), languageHint);
            return new Result(Status.TRANSCRIBED, text.trim(), language, seconds, null);
        } catch (RuntimeException e) {
            record(t, start, null, UsageRecord.Outcome.ERROR, correlationId);
            return new Result(
                    Status.FAILED,
                    null,
                    null,
                    seconds,
                    "the transcription provider could not read the audio: " + e.getMessage());
        }
    }

    private void record(Transcriber t, long start, Double seconds, UsageRecord.Outcome outcome, String correlationId) {
        BigDecimal cost = seconds == null
                ? BigDecimal.ZERO
                : usdPerHour
                        .multiply(BigDecimal.valueOf(Math.max(seconds, 10.0)))
                        .divide(BigDecimal.valueOf(3600), 10, RoundingMode.HALF_UP);
        ledger.record(new UsageRecord(
                clock.instant(),
                t.provider(),
                t.model(),
                "transcribe",
                0,
                0,
                cost,
                (System.nanoTime() - start) / 1_000_000,
                outcome,
                correlationId));
    }
}
