package co.wpfoods.webhook.receiving.adapter.in.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/** Lenient reads of Meta's JSON: absent, null, wrong-typed and empty values all become "absent". */
final class Json {

    private Json() {}

    /** The property as text (numbers and booleans too), or null. */
    static String text(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.isString() ? value.stringValue() : value.asString();
        return text == null || text.isEmpty() ? null : text;
    }

    static JsonNode object(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** Elements of an array property; an absent or non-array property is an empty list. */
    static List<JsonNode> array(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(value.spliterator(), false).toList();
    }

    static boolean bool(JsonNode node, String field) {
        String text = text(node, field);
        return "true".equalsIgnoreCase(text);
    }

    static Boolean optionalBool(JsonNode node, String field) {
        String text = text(node, field);
        if ("true".equalsIgnoreCase(text)) {
            return Boolean.TRUE;
        }
        return "false".equalsIgnoreCase(text) ? Boolean.FALSE : null;
    }

    static BigDecimal decimal(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Double number(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            return null;
        }
        double d = value.doubleValue();
        return Double.isFinite(d) ? d : null;
    }

    static Integer integer(JsonNode node, String field) {
        BigDecimal value = decimal(node, field);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
