package co.wpfoods.dispatch.delivery.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The language a worker writes in, read from their own words: an explicit request ("English please", "en español")
 * always wins; otherwise the words that only one of the two languages uses are counted, and the language with more
 * of them is the worker's, when there is a difference. Numbers, PINs, emoji, "ok" and words both languages use
 * ("online", "delivery") decide nothing, so the worker's language stays as it is.
 */
public final class WorkerLanguage {

    public static final Locale SPANISH = Locale.forLanguageTag("es-CO");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static final Pattern ENGLISH_REQUEST = Pattern.compile(
            "\\b(english( please| pls)?|in english|speak english|ingl[eé]s( por favor)?|en ingl[eé]s)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SPANISH_REQUEST = Pattern.compile(
            "\\b(espa[nñ]ol( por favor| porfa)?|en espa[nñ]ol|in spanish|spanish( please| pls)?|castellano)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Set<String> ENGLISH_WORDS = Set.of(
            "hi",
            "hello",
            "hey",
            "please",
            "thanks",
            "thank",
            "you",
            "i",
            "im",
            "i'm",
            "my",
            "want",
            "would",
            "like",
            "the",
            "is",
            "are",
            "am",
            "where",
            "what",
            "how",
            "when",
            "going",
            "go",
            "got",
            "have",
            "it",
            "its",
            "it's",
            "this",
            "that",
            "yes",
            "yeah",
            "nope",
            "help",
            "earnings",
            "today",
            "week",
            "order",
            "picked",
            "up",
            "delivered",
            "ready",
            "problem",
            "customer",
            "address",
            "wrong",
            "accept",
            "decline",
            "good",
            "morning",
            "afternoon",
            "evening",
            "night",
            "can",
            "do",
            "don't",
            "dont",
            "not",
            "and",
            "with",
            "of",
            "to",
            "for",
            "now",
            "here",
            "there",
            "available",
            "done",
            "take",
            "get");
    private static final Set<String> SPANISH_WORDS = Set.of(
            "hola",
            "holi",
            "buenas",
            "buenos",
            "buen",
            "dia",
            "tardes",
            "noches",
            "gracias",
            "por",
            "favor",
            "porfa",
            "quiero",
            "estoy",
            "ya",
            "disponible",
            "conectarme",
            "conecto",
            "desconectarme",
            "desconecto",
            "ganancias",
            "ayuda",
            "si",
            "donde",
            "que",
            "como",
            "cuando",
            "pedido",
            "recogido",
            "recogi",
            "entregado",
            "entregue",
            "listo",
            "dale",
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "en",
            "un",
            "una",
            "y",
            "hoy",
            "semana",
            "problema",
            "cliente",
            "direccion",
            "mi",
            "mis",
            "tengo",
            "es",
            "esta",
            "pues",
            "parce",
            "acepto",
            "rechazo",
            "voy",
            "llegue",
            "aqui",
            "bien",
            "claro",
            "con",
            "para");

    private WorkerLanguage() {}

    /** The language the worker asked to be written in, if they asked. */
    public static Optional<Locale> requested(String text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean english = ENGLISH_REQUEST.matcher(text).find();
        boolean spanish = SPANISH_REQUEST.matcher(text).find();
        if (english == spanish) {
            return Optional.empty();
        }
        return Optional.of(english ? ENGLISH : SPANISH);
    }

    /** The language the text is written in, when its words tell; empty when they do not. */
    public static Optional<Locale> detected(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int english = 0;
        int spanish = 0;
        for (String word : fold(text).split("[^\\p{L}']+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (ENGLISH_WORDS.contains(word)) {
                english++;
            }
            if (SPANISH_WORDS.contains(word)) {
                spanish++;
            }
        }
        if (english == spanish) {
            return Optional.empty();
        }
        return Optional.of(english > spanish ? ENGLISH : SPANISH);
    }

    /** "en" or "es": the two languages workers are written to in. */
    public static String code(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "es";
    }

    private static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    }
}
