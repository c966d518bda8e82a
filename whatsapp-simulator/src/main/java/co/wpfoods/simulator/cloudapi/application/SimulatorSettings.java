package co.wpfoods.simulator.cloudapi.application;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The knobs that tests and people may flip while the simulator runs (initially from
 * properties; {@code PUT /sim/api/settings} changes them).
 */
public record SimulatorSettings(
        String webhookUrl,
        boolean statusesEnabled,
        boolean skipDelivered,
        boolean autoRead,
        boolean autoPlay,
        boolean throughputLimit,
        int messagesPerSecond,
        boolean pairLimit,
        boolean windowEnforced,
        double duplicateProbability,
        Duration maxExtraDelay,
        GraphFaults graphFaults,
        Set<String> notOnWhatsApp) {

    public SimulatorSettings {
        notOnWhatsApp = notOnWhatsApp == null ? Set.of() : Set.copyOf(notOnWhatsApp);
    }

    /**
     * Faults of the Graph API itself (Meta's edge on a bad day), each a probability per send: a 500 (code 2), a 130429,
     * a slow answer ({@code slowDelay}), or a message accepted whose answer is held back for {@code noAnswerHold} —
     * longer than any client waits, so to the client the answer is lost while the message and its statuses go on.
     */
    public record GraphFaults(
            double serverErrorProbability,
            double throughputErrorProbability,
            double slowProbability,
            Duration slowDelay,
            double noAnswerProbability,
            Duration noAnswerHold) {

        public static final GraphFaults NONE =
                new GraphFaults(0, 0, 0, Duration.ofSeconds(4), 0, Duration.ofSeconds(120));

        void validate() {
            double sum = 0;
            for (double p :
                    List.of(serverErrorProbability, throughputErrorProbability, slowProbability, noAnswerProbability)) {
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException("Graph fault probabilities must be within 0..1");
                }
                sum += p;
            }
            if (sum > 1) {
                throw new IllegalArgumentException("Graph fault probabilities must add up to at most 1");
            }
            if (slowDelay == null || slowDelay.isNegative() || noAnswerHold == null || noAnswerHold.isNegative()) {
                throw new IllegalArgumentException("graphSlowDelay and graphNoAnswerHold must be zero or positive");
            }
        }
    }

    /** A partial update: {@code null} keeps the current value. */
    public record Patch(
            String webhookUrl,
            Boolean statusesEnabled,
            Boolean skipDelivered,
            Boolean autoRead,
            Boolean autoPlay,
            Boolean throughputLimit,
            Integer messagesPerSecond,
            Boolean pairLimit,
            Boolean windowEnforced,
            Double duplicateProbability,
            Duration maxExtraDelay,
            Double graphServerErrorProbability,
            Double graphThroughputErrorProbability,
            Double graphSlowProbability,
            Duration graphSlowDelay,
            Double graphNoAnswerProbability,
            Duration graphNoAnswerHold,
            Set<String> notOnWhatsApp) {}

    public SimulatorSettings apply(Patch patch) {
        SimulatorSettings next = new SimulatorSettings(
                or(patch.webhookUrl(), webhookUrl),
                or(patch.statusesEnabled(), statusesEnabled),
                or(patch.skipDelivered(), skipDelivered),
                or(patch.autoRead(), autoRead),
                or(patch.autoPlay(), autoPlay),
                or(patch.throughputLimit(), throughputLimit),
                or(patch.messagesPerSecond(), messagesPerSecond),
                or(patch.pairLimit(), pairLimit),
                or(patch.windowEnforced(), windowEnforced),
                or(patch.duplicateProbability(), duplicateProbability),
                or(patch.maxExtraDelay(), maxExtraDelay),
                new GraphFaults(
                        or(patch.graphServerErrorProbability(), graphFaults.serverErrorProbability()),
                        or(patch.graphThroughputErrorProbability(), graphFaults.throughputErrorProbability()),
                        or(patch.graphSlowProbability(), graphFaults.slowProbability()),
                        or(patch.graphSlowDelay(), graphFaults.slowDelay()),
                        or(patch.graphNoAnswerProbability(), graphFaults.noAnswerProbability()),
                        or(patch.graphNoAnswerHold(), graphFaults.noAnswerHold())),
                or(patch.notOnWhatsApp(), notOnWhatsApp));
        next.validate();
        return next;
    }

    void validate() {
        if (webhookUrl == null || !JsonRules.isHttpUrl(webhookUrl)) {
            throw new IllegalArgumentException("webhookUrl must be an http(s) URL");
        }
        if (messagesPerSecond < 1) {
            throw new IllegalArgumentException("messagesPerSecond must be at least 1");
        }
        if (duplicateProbability < 0 || duplicateProbability > 1) {
            throw new IllegalArgumentException("duplicateProbability must be within 0..1");
        }
        if (maxExtraDelay == null || maxExtraDelay.isNegative()) {
            throw new IllegalArgumentException("maxExtraDelay must be zero or positive");
        }
        if (graphFaults == null) {
            throw new IllegalArgumentException("graphFaults must be given");
        }
        graphFaults.validate();
        if (notOnWhatsApp.stream().anyMatch(n -> !n.matches("\\d{7,15}"))) {
            throw new IllegalArgumentException("notOnWhatsApp holds wa_ids: 7 to 15 digits, no '+'");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
