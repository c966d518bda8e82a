package co.wpfoods.security.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a page or size out of {@link PageBounds} with {@code 400} and the reason, in every controller. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageBoundsAdvice {

    @ExceptionHandler(PageBounds.OutOfBounds.class)
    ProblemDetail outOfBounds(PageBounds.OutOfBounds e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
