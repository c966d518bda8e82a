package co.wpfoods.simulator.application;

import java.time.Duration;

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
        Duration maxExtraDelay) {

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
            Duration maxExtraDelay) {}

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
                or(patch.maxExtraDelay(), maxExtraDelay));
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
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
