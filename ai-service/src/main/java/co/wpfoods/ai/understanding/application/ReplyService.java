package co.wpfoods.ai.understanding.application;

import co.wpfoods.ai.understanding.application.provider.ProviderCascade;
import co.wpfoods.ai.understanding.application.provider.ReplyDraft;
import co.wpfoods.ai.understanding.domain.Engine;
import co.wpfoods.ai.understanding.domain.Intent;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.Understanding;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Use case: a short reply to a free-form support question, grounded in the order's facts. A model's reply is
 * rejected when it states a number (price, time, quantity) that is not in the facts; the offline answer is a reviewed
 * template from the message bundles that only fills in facts it was given.
 */
public final class ReplyService {

    /** Reads a reviewed message by key and language, filling {@code {name}} placeholders. */
    public interface Messages {
        String get(String key, String language, Map<String, String> args);
    }

    public record Reply(String text, String language, Engine engine, long latencyMicros) {}

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d.,:]*");

    private final ProviderCascade cascade;
    private final OfflineEngine offline;
    private final Messages messages;

    public ReplyService(ProviderCascade cascade, OfflineEngine offline, Messages messages) {
        this.cascade = cascade;
        this.offline = offline;
        this.messages = messages;
    }

    public Reply reply(String question, String languageHint, Map<String, String> facts, String correlationId) {
        long start = System.nanoTime();
        Understanding u = offline.understand(new UnderstandRequest(
                Role.CUSTOMER, languageHint, question, null, java.util.List.of(), java.util.List.of(), null));
        String language = languageHint != null && !languageHint.isBlank()
                ? (languageHint.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "es")
                : u.language();
        Map<String, String> f = new TreeMap<>(facts);
        if (!cascade.isEmpty()) {
            String system = """
                    You answer customers of WPFoods, a food delivery service in Bogotá, on WhatsApp.
                    Answer in %s, in at most two short sentences, warmly and plainly.
                    Use ONLY the order facts given. Never state a price, time, quantity or any number that is not in the facts;
                    if the answer needs a fact you do not have, say a person from support will confirm it.
                    Reply with JSON only, matching this schema.
                    """.formatted(language.equals("en") ? "English" : "Colombian Spanish");
            String user = "Order facts:\n"
                    + f.entrySet().stream()
                            .map(e -> "- " + e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining("\n"))
                    + "\nQuestion: " + question;
            Optional<ProviderCascade.Generated> r =
                    cascade.generate(system, user, draft -> grounded(draft, f), correlationId);
            if (r.isPresent()) {
                return new Reply(r.get().text(), language, r.get().engine(), micros(start));
            }
        }
        return new Reply(template(u.intent(), language, f), language, Engine.OFFLINE, micros(start));
    }

    /** A reply passes when it is non-empty, short, and every number in it appears in the facts. */
    static Optional<String> grounded(ReplyDraft draft, Map<String, String> facts) {
        if (draft.reply() == null || draft.reply().isBlank() || draft.reply().length() > 600) {
            return Optional.empty();
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        for (String fact : facts.values()) {
            known.addAll(numbers(fact));
        }
        for (String n : numbers(draft.reply())) {
            if (!known.contains(n)) {
                return Optional.empty();
            }
        }
        return Optional.of(draft.reply().trim());
    }

    /** Every number in the text as bare digits ("$45.900" → "45900", "7:30" → "730"), whole numbers only. */
    static java.util.List<String> numbers(String text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceAll("[.,:]+$", "").replaceAll("[.,:]", ""));
        }
        return out;
    }

    private String template(Intent intent, String language, Map<String, String> facts) {
        String key = switch (intent) {
            case TRACK ->
                facts.containsKey("etaMinutes")
                        ? "reply.track.eta"
                        : facts.containsKey("status") ? "reply.track.status" : "reply.track.unknown";
            case PAY_QUESTION -> "reply.pay";
            case COMPLAINT -> "reply.complaint";
            case CANCEL -> "reply.cancel";
            case GREET -> "reply.greet";
            case THANKS -> "reply.thanks";
            default -> "reply.help";
        };
        return messages.get(key, language, facts);
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1000;
    }
}
