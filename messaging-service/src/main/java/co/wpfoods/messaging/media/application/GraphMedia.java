package co.wpfoods.messaging.media.application;

/** The Graph API's media upload ({@code POST /{version}/{phone-number-id}/media}), as the upload use case needs it. */
public interface GraphMedia {

    /**
     * Uploads the bytes as {@code mimeType} and answers Meta's media id (valid 30 days).
     *
     * @throws UploadRefusedException when Meta refused it, did not answer, or could not be reached
     */
    String upload(byte[] bytes, String mimeType, String filename);

    /** Meta refused the upload or could not be asked; {@code status} is Meta's HTTP status, 0 when none came. */
    final class UploadRefusedException extends RuntimeException {
        private final int status;

        public UploadRefusedException(int status, String reason) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
