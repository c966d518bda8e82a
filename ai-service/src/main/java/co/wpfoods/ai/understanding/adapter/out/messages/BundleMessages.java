package co.wpfoods.ai.understanding.adapter.out.messages;

import co.wpfoods.ai.understanding.application.ReplyService;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/** Texts for people from the {@code messages} bundles (es-CO default, en), with {@code {name}} placeholders. */
public final class BundleMessages implements ReplyService.Messages {

    private static final Locale ES_CO = Locale.forLanguageTag("es-CO");

    private final MessageSource source;

    public BundleMessages(MessageSource source) {
        this.source = source;
    }

    @Override
    public String get(String key, String language, Map<String, String> args) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : ES_CO;
        String text = source.getMessage(key, null, key, locale);
        for (var e : args.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }
}
