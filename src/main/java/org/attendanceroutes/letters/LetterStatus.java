package org.attendanceroutes.letters;

/** Where a letter is on its way to the recipient. */
public enum LetterStatus {
    /** to be emailed, or an email attempt failed (the engine retries it) */
    NOT_SENT,
    /** handed to the SMTP server */
    SENT,
    /** in the print queue for post */
    AWAITING_POST,
    /** printed and posted by staff */
    POSTED
}
