package co.wpfoods.ai.voice.config;

import co.wpfoods.ai.understanding.application.provider.UsageLedger;
import co.wpfoods.ai.understanding.config.AiProperties;
import co.wpfoods.ai.voice.adapter.out.db.JdbcVoiceNoteArchive;
import co.wpfoods.ai.voice.adapter.out.llm.GroqWhisperTranscriber;
import co.wpfoods.ai.voice.adapter.out.media.GraphMediaSource;
import co.wpfoods.ai.voice.application.Transcriber;
import co.wpfoods.ai.voice.application.TranscriptionService;
import co.wpfoods.ai.voice.application.VoiceNotes;
import co.wpfoods.security.crypto.LookupHash;
import co.wpfoods.security.crypto.PersonalDataCipher;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Wires transcription (Groq's Whisper when a key is set) and the voice-note use case with its media source and archive. */
@Configuration(proxyBeanMethods = false)
class VoiceConfiguration {

    @Bean
    TranscriptionService transcriptionService(AiProperties props, UsageLedger ledger, Clock clock) {
        var t = props.transcription();
        Optional<Transcriber> transcriber = t.enabled()
                ? Optional.of(new GroqWhisperTranscriber(t.apiKey(), t.baseUrl(), t.model(), t.timeout()))
                : Optional.empty();
        return new TranscriptionService(transcriber, t.maxBytes(), t.usdPerHour(), ledger, clock);
    }

    @Bean
    JdbcVoiceNoteArchive voiceNoteArchive(
            JdbcClient jdbc, PersonalDataCipher cipher, LookupHash lookupHash, Clock clock) {
        return new JdbcVoiceNoteArchive(jdbc, cipher, lookupHash, clock);
    }

    @Bean
    VoiceNotes voiceNotes(AiProperties props, TranscriptionService transcription, JdbcVoiceNoteArchive archive) {
        var t = props.transcription();
        return new VoiceNotes(
                new GraphMediaSource(
                        RestClient.builder(),
                        t.mediaBaseUrl().isBlank() ? "https://graph.facebook.com" : t.mediaBaseUrl(),
                        t.mediaToken()),
                transcription,
                archive);
    }
}
