package co.wpfoods.messaging.media.adapter.in.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * A body that says it is a multipart form but cannot be read as one (no boundary, cut off, garbled) is the caller's
 * mistake: 400 with the reason, not 500. Spring reads the form before it picks a controller, so this is advice for
 * every controller rather than a handler of {@link MediaUploadController}'s own.
 */
@RestControllerAdvice
class MultipartErrors {

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notAForm(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "the upload is too large");
        }
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the body is not a readable multipart/form-data form with a part named 'file'");
    }
}
