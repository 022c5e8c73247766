package org.attendanceroutes;

/**
 * The caller may not see or do this, for a reason in the data rather than their role (a case not
 * referred to the local authority). The message says why, for the caller: the API answers 403 with it.
 */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
