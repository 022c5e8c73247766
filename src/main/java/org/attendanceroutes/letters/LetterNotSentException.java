package org.attendanceroutes.letters;

/**
 * Letters that could not be emailed. Thrown to the engine, which retries the job and, when the
 * retries are spent, raises an incident; the letters stay stored as not sent.
 */
public class LetterNotSentException extends RuntimeException {

    public LetterNotSentException(String message) {
        super(message);
    }
}
