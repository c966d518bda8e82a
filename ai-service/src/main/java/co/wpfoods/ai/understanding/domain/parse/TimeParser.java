package co.wpfoods.ai.understanding.domain.parse;

import co.wpfoods.ai.understanding.domain.TimeRequest;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivery times in folded text: "para las 8", "a las 7:30 pm", "tipo 8 y media", "en media hora", "en 20 minutos",
 * "in 30 minutes", "at 7pm", "mediodia", "lo antes posible". A bare hour 1–11 is read as the next such time after
 * {@code now} (so "para las 8" at 15:00 means 20:00).
 */
public final class TimeParser {

    private static final Map<String, Integer> NUMBER_WORDS = NumberWords.cardinalsAnd(Map.ofEntries(
            Map.entry("treinta", 30),
            Map.entry("thirty", 30),
            Map.entry("cuarenta", 40),
            Map.entry("forty", 40),
            Map.entry("cuarenta y cinco", 45)));

    private static final String NUMBER =
            "(\\d{1,3}|una|un|one|dos|two|tres|three|cuatro|four|cinco|five|seis|six|siete|"
                    + "seven|ocho|eight|nueve|nine|diez|ten|once|eleven|doce|twelve|quince|fifteen|veinte|twenty|treinta|thirty|"
                    + "cuarenta y cinco|cuarenta|forty)";

    private static final Pattern HALF_HOUR =
            Pattern.compile("(?<![a-z])(?:en|dentro de|in)\\s+(?:una\\s+)?(media hora|half an hour|un cuarto de hora|"
                    + "a quarter of an hour|quarter of an hour|una hora y media|an hour and a half)(?![a-z])");
    private static final Pattern IN_MINUTES = Pattern.compile("(?<![a-z])(?:en|dentro de|in)\\s+" + NUMBER
            + "\\s*(minutos|minuto|mins|min|minutes|minute|horas|hora|hours|hour|h)(?![a-z])");
    private static final Pattern IN_ONE_HOUR =
            Pattern.compile("(?<![a-z])(?:en|dentro de|in)\\s+(?:una|an|one)\\s+(?:hora|hour)(?![a-z])");
    private static final Pattern AT_CLOCK =
            Pattern.compile("(?<![a-z0-9])(?:(?:a|para|tipo|como a|sobre|hacia|at|for|by|around)\\s+"
                    + "(?:las|la|eso de las)?\\s*)"
                    + "(\\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)"
                    + "(?:\\s*:\\s*(\\d{2})|\\s+y\\s+(media|cuarto)|\\s+(?:and a half))?\\s*"
                    + "(am|a\\.m\\.|a\\.m|pm|p\\.m\\.|p\\.m|de la manana|de la tarde|de la noche)?(?![a-z0-9])");
    private static final Pattern CLOCK_SUFFIX =
            Pattern.compile("(?<![a-z0-9:])(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");
    private static final Pattern NOON =
            Pattern.compile("(?<![a-z])(mediodia|medio dia|noon|medianoche|midnight)(?![a-z])");
    private static final Pattern ASAP = Pattern.compile(
            "(?<![a-z])(lo antes posible|lo mas pronto posible|lo mas rapido posible|ya mismo|de inmediato|asap|right now|cuanto antes)(?![a-z])");

    private TimeParser() {}

    public static Optional<Found<TimeRequest>> find(String folded, LocalTime now) {
        Matcher m = HALF_HOUR.matcher(folded);
        if (m.find()) {
            int minutes = switch (m.group(1)) {
                case "media hora", "half an hour" -> 30;
                case "una hora y media", "an hour and a half" -> 90;
                default -> 15;
            };
            return found(TimeRequest.in(minutes, m.group()), m);
        }
        m = IN_MINUTES.matcher(folded);
        if (m.find()) {
            int n = value(m.group(1));
            boolean hours = m.group(2).startsWith("h");
            return found(TimeRequest.in(hours ? n * 60 : n, m.group()), m);
        }
        m = IN_ONE_HOUR.matcher(folded);
        if (m.find()) {
            return found(TimeRequest.in(60, m.group()), m);
        }
        m = NOON.matcher(folded);
        if (m.find()) {
            boolean midnight = m.group(1).startsWith("medianoche") || m.group(1).equals("midnight");
            return found(TimeRequest.at(midnight ? LocalTime.MIDNIGHT : LocalTime.NOON, m.group()), m);
        }
        m = AT_CLOCK.matcher(folded);
        while (m.find()) {
            int hour = value(m.group(1));
            if (hour < 1 || hour > 23) {
                continue;
            }
            int minute = m.group(2) != null
                    ? Integer.parseInt(m.group(2))
                    : "media".equals(m.group(3)) || m.group().contains("and a half")
                            ? 30
                            : "cuarto".equals(m.group(3)) ? 15 : 0;
            if (minute > 59) {
                continue;
            }
            return found(
                    TimeRequest.at(
                            resolve(hour, minute, m.group(4), now), m.group().trim()),
                    m);
        }
        m = CLOCK_SUFFIX.matcher(folded);
        if (m.find()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (hour >= 1 && hour <= 12 && minute <= 59) {
                return found(TimeRequest.at(resolve(hour, minute, m.group(3), now), m.group()), m);
            }
        }
        m = ASAP.matcher(folded);
        if (m.find()) {
            return found(TimeRequest.asap(m.group()), m);
        }
        return Optional.empty();
    }

    static LocalTime resolve(int hour, int minute, String meridiem, LocalTime now) {
        if (hour >= 13) {
            return LocalTime.of(hour, minute);
        }
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p") || meridiem.endsWith("tarde") || meridiem.endsWith("noche");
            int h = hour % 12 + (pm ? 12 : 0);
            return LocalTime.of(h, minute);
        }
        LocalTime morning = LocalTime.of(hour % 12, minute);
        LocalTime evening = LocalTime.of(hour % 12 + 12, minute);
        if (hour == 12) {
            return LocalTime.of(12, minute);
        }
        return now.isBefore(morning) ? morning : evening;
    }

    private static int value(String number) {
        return number.chars().allMatch(Character::isDigit) ? Integer.parseInt(number) : NUMBER_WORDS.get(number);
    }

    private static Optional<Found<TimeRequest>> found(TimeRequest t, Matcher m) {
        return Optional.of(new Found<>(t, m.start(), m.end()));
    }
}
