package co.wpfoods.webhook.receiving.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Per-user inbound message limits (product document: 60 a minute, 300 an hour, 1,000 a day). A message is over
 * the limit when, counting it, its sender has sent more than the limit of any window it falls in.
 */
public record InboundLimits(int perMinute, int perHour, int perDay) {

    public InboundLimits {
        if (perMinute < 1 || perHour < 1 || perDay < 1) {
            throw new IllegalArgumentException("Limits must be positive");
        }
    }

    public static InboundLimits productDefaults() {
        return new InboundLimits(60, 300, 1_000);
    }

    public int of(LimitPeriod period) {
        return switch (period) {
            case MINUTE -> perMinute;
            case HOUR -> perHour;
            case DAY -> perDay;
        };
    }

    /**
     * Given how many messages each window held after counting a batch of {@code batchSize} new messages, tells for
     * each message of the batch (in order) whether it went over, and which windows the batch overflowed.
     */
    public Verdict judge(Map<LimitPeriod, Long> usedAfterBatch, int batchSize) {
        boolean[] over = new boolean[batchSize];
        Map<LimitPeriod, Boolean> exceeded = new EnumMap<>(LimitPeriod.class);
        for (LimitPeriod period : LimitPeriod.values()) {
            long after = usedAfterBatch.getOrDefault(period, (long) batchSize);
            long before = after - batchSize;
            boolean any = false;
            for (int i = 0; i < batchSize; i++) {
                if (before + i + 1 > of(period)) {
                    over[i] = true;
                    any = true;
                }
            }
            exceeded.put(period, any);
        }
        return new Verdict(over, exceeded);
    }

    /** Which messages of a batch are over the limit, and which windows they overflowed. */
    public record Verdict(boolean[] overLimit, Map<LimitPeriod, Boolean> exceeded) {

        public boolean isOver(int index) {
            return overLimit[index];
        }

        public boolean anyOver() {
            return exceeded.containsValue(Boolean.TRUE);
        }
    }
}
