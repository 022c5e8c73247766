package org.attendanceroutes.letters;

/** One letter's email, ready for the SMTP server. {@code replyTo} may be null. */
record OutgoingEmail(Long letterId, Long caseId, String upn, String to, String replyTo, String subject, String text,
                     byte[] pdf) {
}
