package org.attendanceroutes;

import java.util.NoSuchElementException;

/**
 * What the caller asked for does not exist: a pupil, a case, a letter, a school. The message
 * names it, for the caller: the API answers 404 with it.
 */
public class NotFoundException extends NoSuchElementException {

    public NotFoundException(String message) {
        super(message);
    }
}
