package co.wpfoods.ai.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * WireMock stand-ins shaped like each provider's real API (request paths and response bodies as the providers
 * document them), with realistic token counts.
 */
public final class ProviderStandIns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final WireMockServer gemini =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    public final WireMockServer openai =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    public final WireMockServer anthropic =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    public final WireMockServer groq =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());

    public ProviderStandIns start() {
        gemini.start();
        openai.start();
        anthropic.start();
        groq.start();
        return this;
    }

    public void stop() {
        gemini.stop();
        openai.stop();
        anthropic.stop();
        groq.stop();
    }

    public void reset() {
        gemini.resetAll();
        openai.resetAll();
        anthropic.resetAll();
        groq.resetAll();
    }

    public String geminiBaseUrl() {
        return gemini.baseUrl();
    }

    public String openaiBaseUrl() {
        return openai.baseUrl() + "/v1";
    }

    public String anthropicBaseUrl() {
        return anthropic.baseUrl();
    }

    public String groqBaseUrl() {
        return groq.baseUrl() + "/openai/v1";
    }

    // --- Gemini: POST /v1beta/models/{model}:generateContent
    public void geminiAnswers(String modelText, int promptTokens, int outputTokens) {
        gemini.stubFor(
                post(urlPathMatching("/v1beta/models/.*:generateContent")).willReturn(json("""
                {"candidates": [{"content": {"parts": [{"text": %s}], "role": "model"}, "finishReason": "STOP", "index": 0}],
                 "usageMetadata": {"promptTokenCount": %d, "candidatesTokenCount": %d, "totalTokenCount": %d},
                 "modelVersion": "gemini-2.5-flash", "responseId": "r-1"}
                """.formatted(
                                quote(modelText), promptTokens, outputTokens, promptTokens + outputTokens))));
    }

    public void geminiFails(int status) {
        gemini.stubFor(
                post(urlPathMatching("/v1beta/models/.*:generateContent")).willReturn(error(status)));
    }

    public void geminiSlow(String modelText, int delayMillis) {
        geminiAnswers(modelText, 400, 50);
        gemini.stubFor(post(urlPathMatching("/v1beta/models/.*:generateContent"))
                .willReturn(json("""
                        {"candidates": [{"content": {"parts": [{"text": %s}], "role": "model"}, "finishReason": "STOP", "index": 0}],
                         "usageMetadata": {"promptTokenCount": 400, "candidatesTokenCount": 50, "totalTokenCount": 450}}
                        """.formatted(quote(modelText))).withFixedDelay(delayMillis)));
    }

    // --- OpenAI: POST /v1/chat/completions
    public void openaiAnswers(String modelText, int promptTokens, int outputTokens) {
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(json("""
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1764150000, "model": "gpt-4o-mini-2024-07-18",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s, "refusal": null}, "logprobs": null, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": %d, "completion_tokens": %d, "total_tokens": %d},
                 "system_fingerprint": "fp_1"}
                """.formatted(
                        quote(modelText), promptTokens, outputTokens, promptTokens + outputTokens))));
    }

    public void openaiFails(int status) {
        openai.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(error(status)));
    }

    // --- Anthropic: POST /v1/messages
    public void anthropicAnswers(String modelText, int inputTokens, int outputTokens) {
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages"))
                .willReturn(json("""
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "text", "text": %s}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": %d, "output_tokens": %d}}
                """.formatted(quote(modelText), inputTokens, outputTokens))));
    }

    public void anthropicFails(int status) {
        anthropic.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(error(status)));
    }

    // --- Groq (OpenAI-compatible): POST /openai/v1/audio/transcriptions
    public void groqTranscribes(String text) {
        groq.stubFor(
                post(urlPathEqualTo("/openai/v1/audio/transcriptions")).willReturn(json("""
                {"text": %s, "x_groq": {"id": "req_1"}}
                """.formatted(quote(text)))));
    }

    public void groqRejectsAudio() {
        groq.stubFor(post(urlPathEqualTo("/openai/v1/audio/transcriptions"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                        {"error": {"message": "could not process file - is it a valid media file?", "type": "invalid_request_error"}}
                        """)));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder error(int status) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"stand-in failure\", \"code\": " + status + "}}");
    }

    private static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
