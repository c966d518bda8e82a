package co.wpfoods.simulator.cloudapi.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The media types of reference §5.7/§5.11 with the MIME types and sizes Meta accepts for each. */
public enum MediaKind {
    IMAGE(5L << 20, Set.of("image/jpeg", "image/png")),
    AUDIO(16L << 20, Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg")),
    VIDEO(16L << 20, Set.of("video/mp4", "video/3gpp")),
    DOCUMENT(
            100L << 20,
            Set.of(
                    "text/plain",
                    "application/pdf",
                    "application/msword",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "application/vnd.ms-excel",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    "application/vnd.ms-powerpoint",
                    "application/vnd.openxmlformats-officedocument.presentationml.presentation")),
    STICKER(500L << 10, Set.of("image/webp"));

    private final long maxBytes;
    private final Set<String> mimeTypes;

    MediaKind(long maxBytes, Set<String> mimeTypes) {
        this.maxBytes = maxBytes;
        this.mimeTypes = mimeTypes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a MIME type (parameters such as {@code ; codecs=opus} ignored) fits this kind. */
    public boolean accepts(String mimeType) {
        return mimeTypes.contains(baseType(mimeType));
    }

    public static Optional<MediaKind> fromJsonName(String name) {
        for (MediaKind kind : values()) {
            if (kind.jsonName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind an uploaded file of this MIME type belongs to (stickers are WebP images). */
    public static Optional<MediaKind> forMimeType(String mimeType) {
        for (MediaKind kind : values()) {
            if (kind.accepts(mimeType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static String baseType(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int semicolon = mimeType.indexOf(';');
        return (semicolon < 0 ? mimeType : mimeType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
