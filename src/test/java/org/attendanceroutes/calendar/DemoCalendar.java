package org.attendanceroutes.calendar;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo schools' calendar file (2026-27 and 2027-28), for tests. */
public final class DemoCalendar {

    private DemoCalendar() {
    }

    public static CalendarFile file() {
        try (Reader reader = new InputStreamReader(
                DemoCalendar.class.getResourceAsStream("/demo/calendar.csv"), StandardCharsets.UTF_8)) {
            return CalendarFile.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchoolCalendar calendar() {
        return file().toSchoolCalendar();
    }
}
