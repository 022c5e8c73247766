package org.attendanceroutes.attendance;

import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.calendar.SchoolCalendar;

/**
 * The school days of one school's calendar between two dates, numbered from 0: the axis a
 * {@link PupilRegister} is laid out on. Plain Java.
 *
 * <p>Built once per school and shared by all its pupils' registers; finding a date's number is
 * one array read, which is what keeps evaluating a whole local authority fast.
 */
public final class SchoolDays {

    private final LocalDate from;
    private final LocalDate to;
    private final long fromEpochDay;
    private final LocalDate[] days;
    /** Monday = 0 ... Friday = 4, for each school day. */
    private final byte[] weekdays;
    /** For each date from {@code from} to {@code to}: the number of the first school day on or after it. */
    private final int[] onOrAfter;

    private SchoolDays(LocalDate from, LocalDate to, List<LocalDate> schoolDays) {
        this.from = from;
        this.to = to;
        this.fromEpochDay = from.toEpochDay();
        this.days = schoolDays.toArray(LocalDate[]::new);
        this.weekdays = new byte[days.length];
        for (int i = 0; i < days.length; i++) {
            weekdays[i] = (byte) (days[i].getDayOfWeek().getValue() - 1);
        }
        int span = to.isBefore(from) ? 0 : (int) (to.toEpochDay() - fromEpochDay + 1);
        this.onOrAfter = new int[span];
        int next = 0;
        for (int offset = 0; offset < span; offset++) {
            while (next < days.length && days[next].toEpochDay() < fromEpochDay + offset) {
                next++;
            }
            onOrAfter[offset] = next;
        }
    }

    /** The school days of {@code calendar} from {@code from} to {@code to}, both included. */
    public static SchoolDays of(SchoolCalendar calendar, LocalDate from, LocalDate to) {
        return new SchoolDays(from, to, calendar.schoolDays(from, to));
    }

    /** The first date covered (a school day or not). */
    public LocalDate from() {
        return from;
    }

    /** The last date covered (a school day or not). */
    public LocalDate to() {
        return to;
    }

    public int size() {
        return days.length;
    }

    public LocalDate day(int index) {
        return days[index];
    }

    /** Monday = 0 ... Friday = 4. */
    int weekdayIndex(int index) {
        return weekdays[index];
    }

    /** Whether every date from {@code first} to {@code last} lies within this span. */
    public boolean covers(LocalDate first, LocalDate last) {
        return !first.isBefore(from) && !last.isAfter(to);
    }

    /** The number of the first school day on or after {@code date}; {@link #size()} when there is none. */
    public int indexOnOrAfter(LocalDate date) {
        long offset = date.toEpochDay() - fromEpochDay;
        if (offset < 0) {
            return 0;
        }
        return offset >= onOrAfter.length ? days.length : onOrAfter[(int) offset];
    }

    /** The number of the school day {@code epochDay} days after 1970-01-01, or -1 if it is not one of these school days. */
    public int indexOfEpochDay(long epochDay) {
        long offset = epochDay - fromEpochDay;
        if (offset < 0 || offset >= onOrAfter.length) {
            return -1;
        }
        int index = onOrAfter[(int) offset];
        return index < days.length && days[index].toEpochDay() == epochDay ? index : -1;
    }

    /** The number of the school day {@code date}, or -1 if it is not one of these school days. */
    public int indexOf(LocalDate date) {
        return indexOfEpochDay(date.toEpochDay());
    }
}
