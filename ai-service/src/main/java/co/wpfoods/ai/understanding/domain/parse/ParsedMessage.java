package co.wpfoods.ai.understanding.domain.parse;

import co.wpfoods.ai.understanding.domain.Address;
import co.wpfoods.ai.understanding.domain.Role;
import co.wpfoods.ai.understanding.domain.TimeRequest;
import co.wpfoods.ai.understanding.domain.text.TextNormalizer;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the deterministic parsers find in one message, in the order that keeps them from reading each other's digits:
 * for rapitenderos the PIN first, then the address, the time, the order reference and (restaurants) the price.
 *
 * <p>{@code rest} is the folded text with every found span blanked out (what item extraction reads); {@code marked}
 * is the folded text with every span replaced by a marker word ({@code zzaddr}, {@code zztime}, {@code zzpin},
 * {@code zzref}, {@code zzprice}) — what the intent classifier reads, so that it learns "an address was here", not
 * which street.
 */
public record ParsedMessage(
        String folded,
        String rest,
        String marked,
        Optional<Found<Address>> address,
        Optional<Found<TimeRequest>> time,
        Optional<Found<String>> pin,
        Optional<Found<String>> orderReference,
        Optional<Found<Long>> price) {

    public static final String ADDRESS = "zzaddr";
    public static final String TIME = "zztime";
    public static final String PIN = "zzpin";
    public static final String REFERENCE = "zzref";
    public static final String PRICE = "zzprice";

    public static ParsedMessage of(Role role, String text, LocalTime now) {
        String folded = TextNormalizer.fold(text);
        String rest = folded;
        List<Marker> markers = new ArrayList<>();
        Optional<Found<String>> pin = Optional.empty();
        if (role == Role.WORKER) {
            pin = CodeParser.pin(rest, true);
            if (pin.isPresent()) {
                markers.add(Marker.of(rest, pin.get(), PIN));
                rest = pin.get().blankOut(rest);
            }
        }
        Optional<Found<Address>> address = AddressParser.find(rest);
        if (address.isPresent()) {
            markers.add(Marker.of(rest, address.get(), ADDRESS));
            rest = address.get().blankOut(rest);
        }
        Optional<Found<TimeRequest>> time = TimeParser.find(rest, now == null ? LocalTime.NOON : now);
        if (time.isPresent()) {
            markers.add(Marker.of(rest, time.get(), TIME));
            rest = time.get().blankOut(rest);
        }
        Optional<Found<String>> ref = CodeParser.orderReference(rest);
        if (ref.isPresent()) {
            markers.add(Marker.of(rest, ref.get(), REFERENCE));
            rest = ref.get().blankOut(rest);
        }
        Optional<Found<Long>> price = role == Role.RESTAURANT ? CodeParser.price(rest) : Optional.empty();
        if (price.isPresent()) {
            markers.add(Marker.of(rest, price.get(), PRICE));
            rest = price.get().blankOut(rest);
        }
        markers.sort(Comparator.comparingInt(Marker::start).reversed());
        String marked = folded;
        int limit = folded.length();
        for (Marker m : markers) {
            if (m.end() <= limit && m.start() < m.end()) {
                marked = marked.substring(0, m.start()) + " " + m.word() + " " + marked.substring(m.end());
                limit = m.start();
            }
        }
        return new ParsedMessage(folded, rest, marked, address, time, pin, ref, price);
    }

    /** The address takes most of the message: it is the message ("Calle 45 # 13-20 apto 502"). */
    public boolean addressAlone() {
        if (address.isEmpty()) {
            return false;
        }
        int other = TextNormalizer.tokens(rest).size();
        return other <= 2;
    }

    private record Marker(int start, int end, String word) {

        /** The span without the blanks a parser's pattern may have taken around it. */
        static Marker of(String text, Found<?> found, String word) {
            int start = found.start();
            int end = found.end();
            while (start < end && text.charAt(start) == ' ') {
                start++;
            }
            while (end > start && text.charAt(end - 1) == ' ') {
                end--;
            }
            return new Marker(start, end, word);
        }
    }
}
