package co.wpfoods.ai.understanding.config;

import co.wpfoods.ai.understanding.config.AiProperties.ProviderProperties;
import com.google.genai.Client;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatModel;
import org.springframework.ai.google.genai.GoogleGenAiChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * Builds the Spring AI chat models from our properties (base URL configurable, so stand-ins can take the providers'
 * place). SDK retries are off: the cascade's resilience4j guards decide about retries and fallbacks.
 */
public final class ChatModels {

    private ChatModels() {}

    public static ChatModel gemini(ProviderProperties p) {
        HttpOptions.Builder http = HttpOptions.builder()
                .timeout((int) p.timeout().toMillis())
                .retryOptions(HttpRetryOptions.builder().attempts(1));
        if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
            http.baseUrl(p.baseUrl());
        }
        Client client =
                Client.builder().apiKey(p.apiKey()).httpOptions(http.build()).build();
        GoogleGenAiChatOptions options = GoogleGenAiChatOptions.builder()
                .model(p.model())
                .responseMimeType("application/json")
                .temperature(0.0)
                .maxOutputTokens(p.maxOutputTokens())
                .build();
        return GoogleGenAiChatModel.builder()
                .genAiClient(client)
                .options(options)
                .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)))
                .build();
    }

    public static ChatModel openAi(ProviderProperties p) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder()
                .apiKey(p.apiKey())
                .model(p.model())
                .maxRetries(0)
                .timeout(p.timeout())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens());
        if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
            options.baseUrl(p.baseUrl());
        }
        return OpenAiChatModel.builder().options(options.build()).build();
    }

    public static ChatModel anthropic(ProviderProperties p) {
        AnthropicChatOptions.Builder options = AnthropicChatOptions.builder()
                .apiKey(p.apiKey())
                .model(p.model())
                .maxRetries(0)
                .timeout(p.timeout())
                .temperature(0.0)
                .maxTokens(p.maxOutputTokens());
        if (p.baseUrl() != null && !p.baseUrl().isBlank()) {
            options.baseUrl(p.baseUrl());
        }
        return AnthropicChatModel.builder().options(options.build()).build();
    }
}
