package org.attendanceroutes.calendar;

/** The demo schools' calendar file (2026-27 and 2027-28), for tests. */
public final class DemoCalendar {

    private DemoCalendar() {
    }

    public static CalendarFile file() {
        return org.attendanceroutes.school.TestSchools.demoCalendar();
    }

    public static SchoolCalendar calendar() {
        return file().toSchoolCalendar();
    }
}
