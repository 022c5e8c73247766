package org.attendanceroutes;

import java.util.Map;

/**
 * The caller's input is wrong. The message names the field or line and says what is wrong with
 * it, for the caller: the API answers 400 with it.
 */
public class BadInputException extends IllegalArgumentException {

    public BadInputException(String message) {
        super(message);
    }

    /** What the caller needs beyond the message, such as every bad line of a file: the answer's properties. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
