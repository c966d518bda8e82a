package co.wpfoods.messaging.media.application;

import java.util.Map;

/**
 * Another service's image (order-service's sales chart) uploaded to Meta's media store, so that service can send it by
 * media id in an ordinary outbound command. messaging-service stays the only service that talks to the Graph API; it
 * keeps nothing: the id goes back to the caller. Only what Meta accepts for an image message is forwarded.
 */
public class UploadingMedia {

    /** Meta's image types and their size limit (5 MB). */
    static final Map<String, Long> IMAGE_TYPES = Map.of("image/jpeg", 5L * 1024 * 1024, "image/png", 5L * 1024 * 1024);

    private final GraphMedia graph;

    public UploadingMedia(GraphMedia graph) {
        this.graph = graph;
    }

    /**
     * @throws InvalidMediaException when the file is empty, not an image Meta sends, too large, or not what its type
     *     says
     * @throws GraphMedia.UploadRefusedException when Meta refused it or could not be reached
     */
    public String upload(byte[] bytes, String mimeType, String filename) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidMediaException("the file is empty");
        }
        String type = mimeType == null ? "" : mimeType.strip().toLowerCase(java.util.Locale.ROOT);
        Long limit = IMAGE_TYPES.get(type);
        if (limit == null) {
            throw new InvalidMediaException("only image/jpeg and image/png are accepted, not '" + mimeType + "'");
        }
        if (bytes.length > limit) {
            throw new InvalidMediaException("the file has " + bytes.length + " bytes; Meta takes at most " + limit);
        }
        if (!matches(type, bytes)) {
            throw new InvalidMediaException("the file is not a " + type + " image");
        }
        return graph.upload(bytes, type, filename == null || filename.isBlank() ? "image" : filename);
    }

    /** The file's first bytes are its type's signature (PNG: 89 50 4E 47; JPEG: FF D8 FF). */
    static boolean matches(String type, byte[] bytes) {
        return switch (type) {
            case "image/png" ->
                bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
            case "image/jpeg" ->
                bytes.length >= 3
                        && (bytes[0] & 0xFF) == 0xFF
                        && (bytes[1] & 0xFF) == 0xD8
                        && (bytes[2] & 0xFF) == 0xFF;
            default -> false;
        };
    }

    /** The caller sent something Meta would not take as an image; the message says why. */
    public static final class InvalidMediaException extends RuntimeException {
        public InvalidMediaException(String reason) {
            super(reason);
        }
    }
}
