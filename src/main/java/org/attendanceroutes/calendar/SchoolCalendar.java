package org.attendanceroutes.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.attendanceroutes.ConflictException;

/**
 * One school's calendar and the arithmetic of school time. Plain Java: no Spring, no JPA.
 *
 * <p>A school day is a Monday to Friday inside a half term that is not a closure (INSET day,
 * bank holiday or other closure). A school week is a Monday-to-Sunday week with at least one
 * school day in it, so "6 school weeks" skips holidays and half-term breaks and a short week
 * (a bank holiday Monday, the first days of term) still counts as one.
 */
public final class SchoolCalendar {

    private final List<HalfTermSpan> halfTerms;
    private final Map<LocalDate, ClosureKind> closures;

    public SchoolCalendar(List<HalfTermSpan> halfTerms, Map<LocalDate, ClosureKind> closures) {
        if (halfTerms.isEmpty()) {
            throw new IllegalArgumentException("a school calendar needs at least one half term");
        }
        List<HalfTermSpan> sorted = new ArrayList<>(halfTerms);
        sorted.sort(Comparator.comparing(HalfTermSpan::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).start().isAfter(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException(sorted.get(i).name() + " overlaps " + sorted.get(i - 1).name());
            }
        }
        this.halfTerms = Collections.unmodifiableList(sorted);
        this.closures = Collections.unmodifiableMap(new TreeMap<>(closures));
    }

    public List<HalfTermSpan> halfTerms() {
        return halfTerms;
    }

    public Map<LocalDate, ClosureKind> closures() {
        return closures;
    }

    public boolean isSchoolDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closures.containsKey(date)
                && halfTermOf(date).isPresent();
    }

    /** The half term a date falls in, if any (holidays fall in none). */
    public Optional<HalfTermSpan> halfTermOf(LocalDate date) {
        for (HalfTermSpan h : halfTerms) {
            if (h.contains(date)) {
                return Optional.of(h);
            }
            if (h.start().isAfter(date)) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The half term in progress on {@code date}, or during a holiday the one that comes next. */
    public HalfTermSpan currentOrNextHalfTerm(LocalDate date) {
        for (HalfTermSpan h : halfTerms) {
            if (!h.end().isBefore(date)) {
                return h;
            }
        }
        throw beyondCalendar(date);
    }

    /** The last school day of the half term in progress (or, in a holiday, of the one to come). */
    public LocalDate endOfCurrentHalfTerm(LocalDate date) {
        return lastSchoolDayOf(currentOrNextHalfTerm(date));
    }

    /**
     * The last school day of the half term after the current one: "monitor for another half
     * term". In a holiday the half term to come is the one to monitor.
     */
    public LocalDate endOfNextHalfTerm(LocalDate date) {
        HalfTermSpan current = currentOrNextHalfTerm(date);
        if (!current.contains(date)) {
            return lastSchoolDayOf(current);
        }
        int index = halfTerms.indexOf(current);
        if (index + 1 >= halfTerms.size()) {
            throw beyondCalendar(current.end().plusDays(1));
        }
        return lastSchoolDayOf(halfTerms.get(index + 1));
    }

    /** The half term before the one in progress on {@code date}, if the calendar holds it. */
    public Optional<HalfTermSpan> previousHalfTerm(LocalDate date) {
        int index = halfTerms.indexOf(currentOrNextHalfTerm(date));
        return index == 0 ? Optional.empty() : Optional.of(halfTerms.get(index - 1));
    }

    /** The first school day of the academic year that {@code date} falls in or precedes. */
    public LocalDate startOfAcademicYear(LocalDate date) {
        String year = currentOrNextHalfTerm(date).academicYear();
        return halfTerms.stream().filter(h -> h.academicYear().equals(year)).findFirst()
                .map(this::firstSchoolDayOf).orElseThrow();
    }

    /**
     * The first school day of the academic year "to date" on {@code date}: the year in progress,
     * or in the summer holiday the year just ended (before the calendar's first year: that year).
     */
    public LocalDate startOfYearToDate(LocalDate date) {
        HalfTermSpan latestStarted = null;
        for (HalfTermSpan h : halfTerms) {
            if (h.start().isAfter(date)) {
                break;
            }
            latestStarted = h;
        }
        return startOfAcademicYear(latestStarted == null ? date : latestStarted.start());
    }

    /**
     * The school day {@code n} school days after {@code date} (n = 0: {@code date} itself if it
     * is a school day, else the next one).
     */
    public LocalDate addSchoolDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot add " + n + " school days: use a count of 0 or more");
        }
        LocalDate day = nextSchoolDayFrom(date);
        for (int i = 0; i < n; i++) {
            day = nextSchoolDayFrom(day.plusDays(1));
        }
        return day;
    }

    /**
     * The day {@code n} school weeks after {@code date}: the same weekday in the nth following
     * week that holds a school day (holiday weeks are skipped), or the next school day when that
     * weekday is itself not one. A target "over the next 6 weeks" set on a Friday before
     * Christmas ends on a Friday in February, not in the holiday.
     */
    public LocalDate addSchoolWeeks(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot add " + n + " school weeks: use a count of 1 or more");
        }
        LocalDate monday = mondayOf(date);
        int counted = 0;
        while (counted < n) {
            monday = monday.plusWeeks(1);
            if (monday.isAfter(lastDay())) {
                throw beyondCalendar(monday);
            }
            if (lastSchoolDayOfWeek(monday).isPresent()) {
                counted++;
            }
        }
        int weekday = Math.min(date.getDayOfWeek().getValue(), DayOfWeek.FRIDAY.getValue()) - 1;
        return nextSchoolDayFrom(monday.plusDays(weekday));
    }

    /** School days from {@code from} to {@code to}, both included. */
    public int schoolDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                count++;
            }
        }
        return count;
    }

    /** School weeks (weeks holding a school day) touched by {@code from} to {@code to}, both included. */
    public int schoolWeeksBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate monday = mondayOf(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(from) ? from : monday;
            LocalDate end = monday.plusDays(4).isAfter(to) ? to : monday.plusDays(4);
            if (schoolDaysBetween(start, end) > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * The first school day of the last {@code n} school weeks up to {@code date}, counting
     * {@code date}'s own week as the latest: the rolling "last 10 school weeks" of the
     * penalty-notice rule, which may span terms. Holiday weeks are skipped.
     */
    public LocalDate startOfLastSchoolWeeks(LocalDate date, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a window is 1 school week or more, not " + n);
        }
        LocalDate earliest = mondayOf(firstDay());
        LocalDate first = null;
        int counted = 0;
        for (LocalDate monday = mondayOf(date); counted < n && !monday.isBefore(earliest); monday = monday.minusWeeks(1)) {
            if (lastSchoolDayOfWeek(monday).isPresent()) {
                counted++;
                first = monday;
            }
        }
        return first == null ? date : nextSchoolDayFrom(first);
    }

    /** All school days from {@code from} to {@code to}, both included, in order. */
    public List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isSchoolDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    public LocalDate firstDay() {
        return halfTerms.get(0).start();
    }

    public LocalDate lastDay() {
        return halfTerms.get(halfTerms.size() - 1).end();
    }

    /** {@code date} if it is a school day, otherwise the next school day. */
    public LocalDate nextSchoolDayFrom(LocalDate date) {
        LocalDate day = date;
        while (!isSchoolDay(day)) {
            day = day.plusDays(1);
            if (day.isAfter(lastDay())) {
                throw beyondCalendar(date);
            }
        }
        return day;
    }

    /**
     * {@code date} if it is a school day, otherwise the school day before it: the day the latest
     * register is of. Never before the calendar's first day.
     */
    public LocalDate latestSchoolDayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        while (!isSchoolDay(day) && day.isAfter(firstDay())) {
            day = day.minusDays(1);
        }
        return day;
    }

    private LocalDate firstSchoolDayOf(HalfTermSpan h) {
        return nextSchoolDayFrom(h.start());
    }

    private LocalDate lastSchoolDayOf(HalfTermSpan h) {
        for (LocalDate d = h.end(); !d.isBefore(h.start()); d = d.minusDays(1)) {
            if (isSchoolDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException(h.name() + " has no school day");
    }

    private Optional<LocalDate> lastSchoolDayOfWeek(LocalDate monday) {
        for (LocalDate d = monday.plusDays(4); !d.isBefore(monday); d = d.minusDays(1)) {
            if (isSchoolDay(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static LocalDate mondayOf(LocalDate date) {
        return date.minusDays(date.getDayOfWeek().getValue() - 1L);
    }

    private ConflictException beyondCalendar(LocalDate date) {
        return new ConflictException("the school calendar ends on " + lastDay()
                + " and does not reach " + date + ": load the next academic year's calendar");
    }
}
