package co.wpfoods.security;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller asked for an object that is not theirs. Answered 404 with the same body as an object
 * that does not exist, so a token cannot find out which ids exist elsewhere.
 */
public class NotYoursException extends ResponseStatusException {

    public NotYoursException() {
        super(HttpStatus.NOT_FOUND, "Not found");
    }
}
