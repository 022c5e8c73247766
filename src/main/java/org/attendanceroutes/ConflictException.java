package org.attendanceroutes;

/**
 * The request is sound but the data's state refuses it: a closed case, a letter not waiting for
 * post, a school without the calendar it needs, another import that wrote the same sessions
 * meanwhile. The message says what stands in the way, for the caller: the API answers 409 with it.
 */
public class ConflictException extends IllegalStateException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
