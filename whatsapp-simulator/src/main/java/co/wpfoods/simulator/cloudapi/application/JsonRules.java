package co.wpfoods.simulator.cloudapi.application;

import static co.wpfoods.simulator.cloudapi.domain.GraphError.INVALID_PARAMETER;
import static co.wpfoods.simulator.cloudapi.domain.GraphError.INVALID_PARAMETER_VALUE;
import static co.wpfoods.simulator.cloudapi.domain.GraphError.MISSING_PARAMETER;

import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import java.net.URI;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Small checks over a JSON tree that fail the way Graph does: missing → 131008, wrong value →
 * 131009, unknown key → 100. Paths are written like Meta's details ({@code text['body']}).
 */
final class JsonRules {

    private JsonRules() {}

    static String path(String parent, String key) {
        return parent.isEmpty() ? key : parent + "['" + key + "']";
    }

    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    static GraphApiException missing(String path) {
        return new GraphApiException(MISSING_PARAMETER, "The parameter " + path + " is required.");
    }

    static GraphApiException invalid(String details) {
        return new GraphApiException(INVALID_PARAMETER_VALUE, details);
    }

    static void allowOnly(JsonNode node, String path, Set<String> allowed) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw new GraphApiException(
                        INVALID_PARAMETER,
                        "Unexpected key \"" + key + "\" on param \"" + (path.isEmpty() ? "(root)" : path) + "\".");
            }
        }
    }

    static JsonNode object(JsonNode parent, String key, String parentPath, boolean required) {
        JsonNode node = parent.get(key);
        String path = path(parentPath, key);
        if (node == null || node.isNull()) {
            if (required) {
                throw missing(path);
            }
            return null;
        }
        if (!node.isObject()) {
            throw invalid("Param " + path + " must be a JSON object.");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String key, String parentPath, int min, int max) {
        JsonNode node = parent.get(key);
        String path = path(parentPath, key);
        if (node == null || node.isNull()) {
            throw missing(path);
        }
        if (!node.isArray()) {
            throw invalid("Param " + path + " must be an array.");
        }
        if (node.size() < min || node.size() > max) {
            throw invalid("Param " + path + " must contain between " + min + " and " + max + " elements.");
        }
        return node;
    }

    /** A required string of {@code 1..max} characters (code points). */
    static String text(JsonNode parent, String key, String parentPath, int max) {
        String value = optionalText(parent, key, parentPath, max);
        if (value == null || value.isEmpty()) {
            throw missing(path(parentPath, key));
        }
        return value;
    }

    /** An optional string of at most {@code max} characters; {@code null} when absent. */
    static String optionalText(JsonNode parent, String key, String parentPath, int max) {
        JsonNode node = parent.get(key);
        String path = path(parentPath, key);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw invalid("Param " + path + " must be a string.");
        }
        String value = node.stringValue();
        if (value.codePointCount(0, value.length()) > max) {
            throw invalid("Param " + path + " must be at most " + max + " characters long.");
        }
        return value;
    }

    static void optionalBoolean(JsonNode parent, String key, String parentPath) {
        JsonNode node = parent.get(key);
        if (node != null && !node.isNull() && !node.isBoolean()) {
            throw invalid("Param " + path(parentPath, key) + " must be a boolean.");
        }
    }

    static String exactly(JsonNode parent, String key, String parentPath, String expected) {
        String value = text(parent, key, parentPath, 256);
        if (!expected.equals(value)) {
            throw invalid("Param " + path(parentPath, key) + " must be '" + expected + "'.");
        }
        return value;
    }

    static String httpUrl(JsonNode parent, String key, String parentPath) {
        String value = text(parent, key, parentPath, 2000);
        if (!isHttpUrl(value)) {
            throw invalid("Param " + path(parentPath, key) + " must be a valid http or https URL.");
        }
        return value;
    }

    static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A coordinate given as a JSON number or a decimal string (Meta's examples use strings). */
    static double coordinate(JsonNode parent, String key, String parentPath, double limit) {
        JsonNode node = parent.get(key);
        String path = path(parentPath, key);
        if (node == null
                || node.isNull()
                || (node.isString() && node.stringValue().isBlank())) {
            throw missing(path);
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isString()) {
            try {
                value = Double.parseDouble(node.stringValue().strip());
            } catch (NumberFormatException e) {
                throw invalid("Param " + path + " must be a number.");
            }
        } else {
            throw invalid("Param " + path + " must be a number.");
        }
        if (Double.isNaN(value) || Math.abs(value) > limit) {
            throw invalid("Param " + path + " must be between -" + (int) limit + " and " + (int) limit + ".");
        }
        return value;
    }
}
