package co.wpfoods.security.web;

import co.wpfoods.schemas.wa.WaId;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a WhatsApp number that is not one ({@link WaId.Invalid}) with {@code 400} and the reason, in every controller. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WaIdAdvice {

    @ExceptionHandler(WaId.Invalid.class)
    ProblemDetail invalidNumber(WaId.Invalid e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
