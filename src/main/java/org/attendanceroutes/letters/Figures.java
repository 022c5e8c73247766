package org.attendanceroutes.letters;

import java.time.LocalDate;

/**
 * The attendance figures a letter quotes, as the calculator reported them on {@code figuresDate}
 * (year to date). Letters keep them as they were on the day they were issued.
 */
public record Figures(double attendancePercent, double absencePercent, int possibleSessions,
                      int unauthorisedSessions, int unauthorisedLast10Weeks, LocalDate figuresDate) {

    public Figures {
        requirePercent("attendancePercent", attendancePercent);
        requirePercent("absencePercent", absencePercent);
        requireCount("possibleSessions", possibleSessions);
        requireCount("unauthorisedSessions", unauthorisedSessions);
        requireCount("unauthorisedLast10Weeks", unauthorisedLast10Weeks);
        if (figuresDate == null) {
            throw new IllegalArgumentException("figuresDate is required");
        }
    }

    private static void requirePercent(String name, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(name + " must be between 0 and 100, not " + value);
        }
    }

    private static void requireCount(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " cannot be negative: " + value);
        }
    }
}
