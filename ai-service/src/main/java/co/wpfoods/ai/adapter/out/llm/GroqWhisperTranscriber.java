package co.wpfoods.ai.adapter.out.llm;

import co.wpfoods.ai.application.Transcriber;
import co.wpfoods.ai.config.AiProperties;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.openai.OpenAiAudioTranscriptionModel;
import org.springframework.ai.openai.OpenAiAudioTranscriptionOptions;
import org.springframework.core.io.ByteArrayResource;

/** Groq's Whisper through Spring AI's OpenAI transcription model (Groq speaks the OpenAI API). */
public final class GroqWhisperTranscriber implements Transcriber {

    private final OpenAiAudioTranscriptionModel model;
    private final String modelName;

    public GroqWhisperTranscriber(AiProperties.Transcription p) {
        this.modelName = p.model();
        OpenAiAudioTranscriptionOptions options = OpenAiAudioTranscriptionOptions.builder()
                .apiKey(p.apiKey())
                .baseUrl(p.baseUrl())
                .model(p.model())
                .timeout(p.timeout())
                .maxRetries(0)
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
        OpenAiAudioTranscriptionOptions.Builder options = OpenAiAudioTranscriptionOptions.builder();
        if (languageHint != null && !languageHint.isBlank()) {
            options.language(languageHint.substring(0, 2));
        }
        try {
            AudioTranscriptionResponse r = model.call(new AudioTranscriptionPrompt(resource, options.build()));
            String text = r.getResult() == null ? null : r.getResult().getOutput();
            if (text == null) {
                throw new TranscriptionFailedException("empty transcription", null);
            }
            return text;
        } catch (TranscriptionFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TranscriptionFailedException(e.getMessage(), e);
        }
    }
}
