package co.wpfoods.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Every text value of a structured (JSON) log line passes through {@link PersonalDataRedaction}: the message, the
 * exception message and stack trace, MDC values. Set by {@link LoggingDefaults} as
 * {@code logging.structured.json.customizer}, so it applies whichever format ({@code ecs}, {@code logstash},
 * {@code gelf}) a deployment chooses.
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalDataRedaction::redact));
    }
}
