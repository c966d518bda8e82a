package co.wpfoods.order.conversation.application;

import java.util.Optional;

/**
 * Uploads an image to WhatsApp's media store through messaging-service (the only service that talks to Meta's Graph
 * API) and answers the media id to send it by; empty when the upload failed (the caller goes on without the image).
 */
public interface MediaUploads {

    Optional<String> upload(byte[] bytes, String mimeType, String filename);
}
