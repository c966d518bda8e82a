package co.wpfoods.messaging.media.adapter.in.web;

import co.wpfoods.messaging.media.application.GraphMedia;
import co.wpfoods.messaging.media.application.UploadingMedia;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * {@code POST /api/messaging/media}: a service ({@code service} token) hands over an image as multipart {@code file};
 * it goes to Meta's media upload and the answer is {@code 201 {"id": "<media id>"}} to send it by. {@code 400} with a
 * reason when it is not an image Meta would send; {@code 502} when Meta refused it or could not be reached.
 */
@RestController
class MediaUploadController {

    private final UploadingMedia uploading;

    MediaUploadController(UploadingMedia uploading) {
        this.uploading = uploading;
    }

    @PostMapping(value = "/api/messaging/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, String>> upload(@RequestPart("file") MultipartFile file) throws IOException {
        String id = uploading.upload(file.getBytes(), file.getContentType(), file.getOriginalFilename());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @ExceptionHandler(UploadingMedia.InvalidMediaException.class)
    ProblemDetail invalid(UploadingMedia.InvalidMediaException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ProblemDetail missing(Exception e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a multipart part named 'file' is required");
    }

    @ExceptionHandler(GraphMedia.UploadRefusedException.class)
    ProblemDetail refused(GraphMedia.UploadRefusedException e) {
        var problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "Meta's media upload: " + e.getMessage());
        problem.setProperty("graphStatus", e.status());
        return problem;
    }
}
