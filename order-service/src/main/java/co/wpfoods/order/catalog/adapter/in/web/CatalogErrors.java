package co.wpfoods.order.catalog.adapter.in.web;

import co.wpfoods.order.catalog.application.CatalogNotFoundException;
import co.wpfoods.order.catalog.application.StaffNumberTakenException;
import co.wpfoods.order.catalog.domain.InvalidCatalogException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Catalog rule violations as RFC 9457 problem details: 400 invalid, 404 unknown restaurant, 409 number taken. */
@RestControllerAdvice(assignableTypes = RestaurantController.class)
class CatalogErrors {

    @ExceptionHandler(InvalidCatalogException.class)
    ProblemDetail invalid(InvalidCatalogException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(CatalogNotFoundException.class)
    ProblemDetail notFound(CatalogNotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(StaffNumberTakenException.class)
    ProblemDetail taken(StaffNumberTakenException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
