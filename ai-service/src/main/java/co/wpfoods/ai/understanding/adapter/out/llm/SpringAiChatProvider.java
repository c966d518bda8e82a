package co.wpfoods.ai.understanding.adapter.out.llm;

import co.wpfoods.ai.understanding.application.provider.ChatProvider;
import co.wpfoods.ai.understanding.domain.Engine;
import java.util.List;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.converter.BeanOutputConverter;

/**
 * A provider through a Spring AI {@link ChatModel} (Gemini, OpenAI, Anthropic). Structured output: the record's JSON
 * schema goes into the system prompt ({@link BeanOutputConverter}), and the reply is parsed back into the record;
 * anything that does not parse is a {@link MalformedOutputException} carrying the tokens spent.
 */
public final class SpringAiChatProvider implements ChatProvider {

    private final Engine engine;
    private final String model;
    private final ChatModel chatModel;

    public SpringAiChatProvider(Engine engine, String model, ChatModel chatModel) {
        this.engine = engine;
        this.model = model;
        this.chatModel = chatModel;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public <T> Completion<T> complete(String system, String user, Class<T> type) {
        BeanOutputConverter<T> converter = new BeanOutputConverter<>(type);
        Prompt prompt =
                new Prompt(List.of(new SystemMessage(system + "\n" + converter.getFormat()), new UserMessage(user)));
        ChatResponse response = chatModel.call(prompt);
        Usage usage =
                response.getMetadata() == null ? null : response.getMetadata().getUsage();
        long in = usage == null || usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
        long out = usage == null || usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
        String text = response.getResult() == null || response.getResult().getOutput() == null
                ? null
                : response.getResult().getOutput().getText();
        if (text == null || text.isBlank()) {
            throw new MalformedOutputException(engine.wireName() + " returned no text", in, out, null);
        }
        try {
            return new Completion<>(converter.convert(text), in, out);
        } catch (RuntimeException e) {
            throw new MalformedOutputException(
                    engine.wireName() + " returned output that is not a " + type.getSimpleName(), in, out, e);
        }
    }
}
