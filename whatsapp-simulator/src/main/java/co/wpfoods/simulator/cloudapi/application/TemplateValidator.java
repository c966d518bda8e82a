package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.application.JsonRules.allowOnly;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.invalid;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.missing;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.object;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.optionalText;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.path;
import static co.wpfoods.simulator.cloudapi.application.JsonRules.text;

import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import co.wpfoods.simulator.cloudapi.domain.MediaKind;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.ButtonType;
import co.wpfoods.simulator.cloudapi.domain.TemplateDefinition.HeaderFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Template sends (reference §5.9): the name and language must match an approved template
 * (132001), the parameter counts its placeholders (132000), and each parameter's format its
 * slot (132012); the hydrated body must fit 1024 characters (132005).
 */
public final class TemplateValidator {

    /** A template send as the user will see it. */
    public record RenderedTemplate(
            String name,
            String language,
            String category,
            String headerText,
            JsonNode headerMedia,
            String body,
            String footer,
            List<RenderedButton> buttons) {}

    public record RenderedButton(String type, String text, String payload, String url) {}

    private static final Set<String> BODY_PARAMETER_TYPES = Set.of("text", "currency", "date_time");

    private final Function<String, Optional<TemplateDefinition>> byNameAndLanguage;
    private final SendRequestValidator.MediaCatalog media;

    /** @param byNameAndLanguage looks up {@code name + "/" + languageCode} */
    public TemplateValidator(
            Function<String, Optional<TemplateDefinition>> byNameAndLanguage, SendRequestValidator.MediaCatalog media) {
        this.byNameAndLanguage = byNameAndLanguage;
        this.media = media;
    }

    public RenderedTemplate validate(JsonNode template) {
        String p = "template";
        allowOnly(template, p, Set.of("name", "language", "components", "namespace"));
        String name = text(template, "name", p, 512);
        JsonNode language = object(template, "language", p, true);
        allowOnly(language, path(p, "language"), Set.of("code", "policy"));
        String code = text(language, "code", path(p, "language"), 16);
        String policy = optionalText(language, "policy", path(p, "language"), 32);
        if (policy != null && !policy.equals("deterministic")) {
            throw invalid("Param template['language']['policy'] must be 'deterministic'.");
        }
        TemplateDefinition definition = byNameAndLanguage
                .apply(name + "/" + code)
                .orElseThrow(() -> new GraphApiException(
                        GraphError.TEMPLATE_NOT_FOUND, "template name (" + name + ") does not exist in " + code));

        JsonNode header = null;
        JsonNode body = null;
        Map<Integer, JsonNode> buttonComponents = new HashMap<>();
        JsonNode components = template.get("components");
        if (components != null && !components.isNull()) {
            if (!components.isArray()) {
                throw invalid("Param template['components'] must be an array.");
            }
            for (int i = 0; i < components.size(); i++) {
                String cp = path(path(p, "components"), i);
                JsonNode component = components.get(i);
                if (!component.isObject()) {
                    throw invalid("Param " + cp + " must be a JSON object.");
                }
                allowOnly(component, cp, Set.of("type", "sub_type", "index", "parameters"));
                String type = text(component, "type", cp, 16).toLowerCase(Locale.ROOT);
                switch (type) {
                    case "header" -> {
                        if (header != null) {
                            throw invalid("Only one header component is allowed.");
                        }
                        header = component;
                    }
                    case "body" -> {
                        if (body != null) {
                            throw invalid("Only one body component is allowed.");
                        }
                        body = component;
                    }
                    case "button" -> {
                        int index = buttonIndex(component, cp, definition);
                        if (buttonComponents.put(index, component) != null) {
                            throw invalid("Two button components with index " + index + ".");
                        }
                    }
                    default -> throw invalid("Param " + cp + "['type'] must be header, body or button.");
                }
            }
        }
        Map<String, String> headerValues = new HashMap<>();
        JsonNode headerMedia = header(definition, header, headerValues);
        String bodyText = body(definition, body);
        List<RenderedButton> buttons = buttons(definition, buttonComponents);
        return new RenderedTemplate(
                definition.name(),
                definition.language(),
                definition.category(),
                definition.hydrateHeader(headerValues),
                headerMedia,
                bodyText,
                definition.footerText(),
                buttons);
    }

    private JsonNode header(TemplateDefinition definition, JsonNode header, Map<String, String> values) {
        int expected = definition.headerParameterCount();
        List<JsonNode> parameters = parameters(header, "template['components'][header]");
        if (parameters.size() != expected) {
            throw countMismatch("header", expected, parameters.size());
        }
        if (expected == 0) {
            return null;
        }
        String slot = definition.headerFormat().name().toLowerCase(Locale.ROOT);
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String pp = "template['components'][header]['parameters'][" + i + "]";
            String type = text(parameter, "type", pp, 32);
            if (!type.equals(slot)) {
                throw formatMismatch("header parameter " + i + " must be of type " + slot + ", not " + type);
            }
            if (definition.headerFormat() == HeaderFormat.TEXT) {
                allowOnly(parameter, pp, Set.of("type", "text", "parameter_name"));
                values.put(Integer.toString(i + 1), text(parameter, "text", pp, 60));
            } else if (definition.headerFormat() == HeaderFormat.LOCATION) {
                allowOnly(parameter, pp, Set.of("type", "location"));
                SendRequestValidator.location(object(parameter, "location", pp, true), path(pp, "location"));
                return parameter.get("location");
            } else {
                allowOnly(parameter, pp, Set.of("type", slot));
                JsonNode mediaObject = object(parameter, slot, pp, true);
                SendRequestValidator.media(
                        media, mediaObject, MediaKind.fromJsonName(slot).orElseThrow(), path(pp, slot), true, false);
                return mediaObject;
            }
        }
        return null;
    }

    private String body(TemplateDefinition definition, JsonNode body) {
        List<String> names = definition.bodyParameterNames();
        List<JsonNode> parameters = parameters(body, "template['components'][body]");
        if (parameters.size() != names.size()) {
            throw countMismatch("body", names.size(), parameters.size());
        }
        boolean named = definition.namedParameters();
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            JsonNode parameter = parameters.get(i);
            String pp = "template['components'][body]['parameters'][" + i + "]";
            String type = text(parameter, "type", pp, 32);
            if (!BODY_PARAMETER_TYPES.contains(type)) {
                throw formatMismatch(
                        "body parameter " + i + " has type " + type + "; expected text, currency or date_time");
            }
            allowOnly(parameter, pp, Set.of("type", type, "parameter_name"));
            String parameterName = optionalText(parameter, "parameter_name", pp, 64);
            String key;
            if (named) {
                if (parameterName == null || !names.contains(parameterName)) {
                    throw formatMismatch(
                            "named template " + definition.name() + " expects parameter_name one of " + names);
                }
                key = parameterName;
            } else {
                if (parameterName != null) {
                    throw formatMismatch("template " + definition.name() + " takes positional parameters");
                }
                key = names.get(i);
            }
            if (values.put(key, value(parameter, type, pp)) != null) {
                throw formatMismatch("parameter " + key + " given twice");
            }
        }
        String hydrated = definition.hydrateBody(values);
        if (hydrated.codePointCount(0, hydrated.length()) > 1024) {
            throw new GraphApiException(
                    GraphError.TEMPLATE_TEXT_TOO_LONG, "The hydrated template body exceeds 1024 characters.");
        }
        return hydrated;
    }

    private static String value(JsonNode parameter, String type, String pp) {
        return switch (type) {
            case "text" -> text(parameter, "text", pp, 32768);
            case "currency" -> {
                JsonNode currency = object(parameter, "currency", pp, true);
                String cp = path(pp, "currency");
                allowOnly(currency, cp, Set.of("fallback_value", "code", "amount_1000"));
                String fallback = text(currency, "fallback_value", cp, 128);
                String code = text(currency, "code", cp, 3);
                if (!code.matches("[A-Z]{3}")) {
                    throw invalid("Param " + cp + "['code'] must be an ISO 4217 code.");
                }
                JsonNode amount = currency.get("amount_1000");
                if (amount == null || amount.isNull()) {
                    throw missing(cp + "['amount_1000']");
                }
                if (!amount.isIntegralNumber()) {
                    throw invalid("Param " + cp + "['amount_1000'] must be an integer.");
                }
                yield fallback;
            }
            case "date_time" -> {
                JsonNode dateTime = object(parameter, "date_time", pp, true);
                allowOnly(dateTime, path(pp, "date_time"), Set.of("fallback_value"));
                yield text(dateTime, "fallback_value", path(pp, "date_time"), 128);
            }
            default -> throw new IllegalStateException(type);
        };
    }

    private static int buttonIndex(JsonNode component, String cp, TemplateDefinition definition) {
        JsonNode indexNode = component.get("index");
        if (indexNode == null || indexNode.isNull()) {
            throw missing(cp + "['index']");
        }
        int index;
        try {
            index = indexNode.isIntegralNumber()
                    ? indexNode.intValue()
                    : Integer.parseInt(indexNode.isString() ? indexNode.stringValue() : "x");
        } catch (NumberFormatException e) {
            throw invalid("Param " + cp + "['index'] must be a button position such as \"0\".");
        }
        if (index < 0 || index >= definition.buttons().size()) {
            throw invalid("Template " + definition.name() + " has no button at index " + index + ".");
        }
        return index;
    }

    private static List<RenderedButton> buttons(TemplateDefinition definition, Map<Integer, JsonNode> components) {
        List<RenderedButton> rendered = new ArrayList<>();
        for (int index = 0; index < definition.buttons().size(); index++) {
            TemplateDefinition.Button button = definition.buttons().get(index);
            JsonNode component = components.get(index);
            String cp = "template['components'][button " + index + "]";
            boolean dynamicUrl = button.type() == ButtonType.URL
                    && button.url() != null
                    && button.url().contains("{{");
            if (component == null) {
                if (dynamicUrl) {
                    throw countMismatch("button " + index, 1, 0);
                }
                String payload = button.type() == ButtonType.QUICK_REPLY ? button.text() : null;
                rendered.add(new RenderedButton(button.type().name(), button.text(), payload, button.url()));
                continue;
            }
            String subType = text(component, "sub_type", cp, 32).toLowerCase(Locale.ROOT);
            ButtonType expected = switch (subType) {
                case "quick_reply" -> ButtonType.QUICK_REPLY;
                case "url" -> ButtonType.URL;
                default -> throw invalid("Param " + cp + "['sub_type'] must be quick_reply or url.");
            };
            if (expected != button.type()) {
                throw formatMismatch("button " + index + " of " + definition.name() + " is " + button.type());
            }
            List<JsonNode> parameters = parameters(component, cp);
            if (parameters.size() != 1 || (expected == ButtonType.URL && !dynamicUrl)) {
                throw countMismatch(
                        "button " + index, expected == ButtonType.URL && !dynamicUrl ? 0 : 1, parameters.size());
            }
            JsonNode parameter = parameters.get(0);
            String pp = cp + "['parameters'][0]";
            String type = text(parameter, "type", pp, 32);
            if (expected == ButtonType.QUICK_REPLY) {
                if (!type.equals("payload")) {
                    throw formatMismatch("a quick_reply button parameter must be of type payload");
                }
                allowOnly(parameter, pp, Set.of("type", "payload"));
                String payload = text(parameter, "payload", pp, 1000);
                rendered.add(new RenderedButton(button.type().name(), button.text(), payload, null));
            } else {
                if (!type.equals("text")) {
                    throw formatMismatch("a url button parameter must be of type text");
                }
                allowOnly(parameter, pp, Set.of("type", "text"));
                String suffix = text(parameter, "text", pp, 2000);
                String url = button.url()
                        .replaceFirst("\\{\\{\\s*1\\s*}}", java.util.regex.Matcher.quoteReplacement(suffix));
                rendered.add(new RenderedButton(button.type().name(), button.text(), null, url));
            }
        }
        return rendered;
    }

    private static List<JsonNode> parameters(JsonNode component, String cp) {
        if (component == null) {
            return List.of();
        }
        JsonNode parameters = component.get("parameters");
        if (parameters == null || parameters.isNull()) {
            return List.of();
        }
        if (!parameters.isArray()) {
            throw invalid("Param " + cp + "['parameters'] must be an array.");
        }
        List<JsonNode> list = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!parameters.get(i).isObject()) {
                throw invalid("Param " + cp + "['parameters'][" + i + "] must be a JSON object.");
            }
            list.add(parameters.get(i));
        }
        return list;
    }

    private static GraphApiException countMismatch(String where, int expected, int actual) {
        return new GraphApiException(
                GraphError.TEMPLATE_PARAMETER_COUNT,
                where + ": number of localizable_params (" + actual + ") does not match the expected number of params ("
                        + expected + ")");
    }

    private static GraphApiException formatMismatch(String details) {
        return new GraphApiException(GraphError.TEMPLATE_PARAMETER_FORMAT, details);
    }
}
