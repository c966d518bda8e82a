package co.wpfoods.ai.understanding.domain;

import java.time.LocalTime;

/** When the person wants something: as soon as possible, at a clock time, or in some minutes. */
public record TimeRequest(Kind kind, LocalTime at, Integer inMinutes, String raw) {

    public enum Kind {
        ASAP,
        AT,
        IN
    }

    public static TimeRequest asap(String raw) {
        return new TimeRequest(Kind.ASAP, null, null, raw);
    }

    public static TimeRequest at(LocalTime at, String raw) {
        return new TimeRequest(Kind.AT, at, null, raw);
    }

    public static TimeRequest in(int minutes, String raw) {
        return new TimeRequest(Kind.IN, null, minutes, raw);
    }
}
