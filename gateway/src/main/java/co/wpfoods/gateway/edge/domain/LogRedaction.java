package co.wpfoods.gateway.edge.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a request path and query safe to log: any run of 7 or more digits (a phone number, a
 * {@code wa_id}, with or without separators) becomes {@code [redacted]}, and the values of query
 * parameters that carry secrets (names containing {@code token}, {@code secret}, {@code signature},
 * {@code password} or {@code key}) are dropped.
 */
public final class LogRedaction {

    static final String REDACTED = "[redacted]";
    // 7+ digits, allowing the separators people put in phone numbers (space, -, ., %20, +, parentheses).
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d(?:(?:%20|%2[bB89]|[\\s\\-.()+])*\\d){6,}");
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{7,}");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&;]?)([^=&;?]*(?:token|secret|signature|password|key)[^=&;?]*)=([^&;]*)", Pattern.CASE_INSENSITIVE);

    private LogRedaction() {}

    /** Redacts a raw path (possibly with {@code ?query}). */
    public static String redactPathAndQuery(String pathAndQuery) {
        if (pathAndQuery == null) {
            return "";
        }
        String withoutSecrets = redactSecretParams(pathAndQuery);
        return PHONE_LIKE.matcher(withoutSecrets).replaceAll(REDACTED);
    }

    /** True when {@code text} holds a plain run of 7 or more digits. */
    static boolean containsLongDigitRun(String text) {
        return LONG_DIGIT_RUN.matcher(text).find();
    }

    private static String redactSecretParams(String text) {
        int query = text.indexOf('?');
        if (query < 0) {
            return text;
        }
        Matcher matcher = SECRET_PARAM.matcher(text.substring(query));
        StringBuilder out = new StringBuilder(text.substring(0, query));
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + "=" + REDACTED));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
