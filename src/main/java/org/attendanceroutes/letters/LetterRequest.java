package org.attendanceroutes.letters;

import java.time.LocalDateTime;

/**
 * A route's request for a letter.
 *
 * @param meetingAt               when the meeting the letter invites to takes place, if the route knows (may be null)
 * @param respondWithinSchoolDays school days to contact the school; null for the configured default
 * @param continueMonitoring      whether monitoring continues (the acknowledgement's stage 1 paragraph)
 * @param issueKey                identifies this request: asking again with the same key returns the letters already issued
 */
public record LetterRequest(Long caseId, LetterType type, Recipients recipients, Figures figures,
                            LocalDateTime meetingAt, Integer respondWithinSchoolDays, boolean continueMonitoring,
                            String issueKey, String processInstanceId) {
}
