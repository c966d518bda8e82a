package co.wpfoods.ai.voice.adapter.out.llm;

import co.wpfoods.ai.voice.application.Transcriber;
import com.openai.models.audio.AudioResponseFormat;
import java.time.Duration;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.openai.OpenAiAudioTranscriptionModel;
import org.springframework.ai.openai.OpenAiAudioTranscriptionOptions;
import org.springframework.core.io.ByteArrayResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Groq's Whisper through Spring AI's OpenAI transcription model (Groq speaks the OpenAI API). */
public final class GroqWhisperTranscriber implements Transcriber {

    private final OpenAiAudioTranscriptionModel model;
    private final String modelName;

    public GroqWhisperTranscriber(String apiKey, String baseUrl, String model, Duration timeout) {
        this.modelName = model;
        OpenAiAudioTranscriptionOptions options = OpenAiAudioTranscriptionOptions.builder()
                .apiKey(apiKey)
                .baseUrl(baseUrl)
                .model(model)
                .timeout(timeout)
                .maxRetries(0)
                .responseFormat(AudioResponseFormat.JSON)
                .build();
        this.model = OpenAiAudioTranscriptionModel.builder().options(options).build();
    }

    @Override
    public String provider() {
        return "groq";
    }

    @Override
    public String model() {
        return modelName;
    }

    @Override
    public String transcribe(byte[] audio, String filename, String languageHint) {
        ByteArrayResource resource = new ByteArrayResource(audio) {
            @Override
            public String getFilename() {
                return filename;
            }
        };
        OpenAiAudioTranscriptionOptions.Builder options =
                OpenAiAudioTranscriptionOptions.builder().responseFormat(AudioResponseFormat.JSON);
        if (languageHint != null && !languageHint.isBlank()) {
            options.language(languageHint.substring(0, 2));
        }
        try {
            AudioTranscriptionResponse r = model.call(new AudioTranscriptionPrompt(resource, options.build()));
            String text = r.getResult() == null ? null : r.getResult().getOutput();
            if (text == null) {
                throw new TranscriptionFailedException("empty transcription", null);
            }
            return plainText(text);
        } catch (TranscriptionFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TranscriptionFailedException(e.getMessage(), e);
        }
    }

    /** Some OpenAI-compatible servers answer the JSON body even when the client reads text: take its "text" field. */
    static String plainText(String body) {
        String t = body.strip();
        if (t.startsWith("{") && t.endsWith("}")) {
            try {
                JsonNode node = JSON.readTree(t);
                if (node.has("text")) {
                    return node.get("text").asString();
                }
            } catch (RuntimeException e) {
                return body;
            }
        }
        return body;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
