package co.wpfoods.simulator.cloudapi.adapter.in.web;

import co.wpfoods.simulator.cloudapi.domain.GraphApiException;
import co.wpfoods.simulator.cloudapi.domain.GraphError;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Meta's error envelope (reference §6.1) for everything the Graph API side refuses. */
@RestControllerAdvice(assignableTypes = GraphApiController.class)
class GraphErrorAdvice {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ExceptionHandler(GraphApiException.class)
    ResponseEntity<Map<String, Object>> graphError(GraphApiException exception) {
        return envelope(exception.error(), exception.details());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException exception) {
        return envelope(GraphError.MEDIA_UPLOAD_ERROR, "The file is larger than the simulator accepts.");
    }

    static ResponseEntity<Map<String, Object>> envelope(GraphError error, String details) {
        Map<String, Object> errorData = new LinkedHashMap<>();
        errorData.put("messaging_product", "whatsapp");
        errorData.put("details", details);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.message());
        body.put("type", "OAuthException");
        body.put("code", error.code());
        body.put("error_data", errorData);
        if (error == GraphError.PAIR_RATE_LIMIT) {
            body.put("error_subcode", 2494055);
        }
        body.put("fbtrace_id", traceId());
        return ResponseEntity.status(error.httpStatus()).body(Map.of("error", body));
    }

    private static String traceId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
