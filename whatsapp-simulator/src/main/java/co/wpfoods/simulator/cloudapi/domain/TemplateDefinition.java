package co.wpfoods.simulator.cloudapi.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An approved message template in one language. Parameter counts come from the
 * {@code {{1}}}/{@code {{name}}} placeholders of the header and body texts, like Meta's editor.
 */
public record TemplateDefinition(
        String name,
        String language,
        String category,
        HeaderFormat headerFormat,
        String headerText,
        String bodyText,
        String footerText,
        List<Button> buttons) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    public enum HeaderFormat {
        NONE,
        TEXT,
        IMAGE,
        VIDEO,
        DOCUMENT,
        LOCATION
    }

    public enum ButtonType {
        QUICK_REPLY,
        URL,
        PHONE_NUMBER
    }

    public record Button(ButtonType type, String text, String url) {}

    public TemplateDefinition {
        headerFormat = headerFormat == null ? HeaderFormat.NONE : headerFormat;
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        category = category == null ? "UTILITY" : category;
    }

    public List<String> bodyParameterNames() {
        return placeholders(bodyText);
    }

    /** Number of parameters the header takes: text placeholders, or exactly one media/location. */
    public int headerParameterCount() {
        return switch (headerFormat) {
            case NONE -> 0;
            case TEXT -> placeholders(headerText).size();
            case IMAGE, VIDEO, DOCUMENT, LOCATION -> 1;
        };
    }

    /** Named templates use {@code {{customer_name}}}; positional ones {@code {{1}}}. */
    public boolean namedParameters() {
        return bodyParameterNames().stream().anyMatch(name -> !name.chars().allMatch(Character::isDigit));
    }

    public String hydrateBody(Map<String, String> values) {
        return hydrate(bodyText, values);
    }

    public String hydrateHeader(Map<String, String> values) {
        return headerText == null ? null : hydrate(headerText, values);
    }

    private static String hydrate(String text, Map<String, String> values) {
        if (text == null) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static List<String> placeholders(String text) {
        if (text == null) {
            return List.of();
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return new ArrayList<>(names);
    }
}
