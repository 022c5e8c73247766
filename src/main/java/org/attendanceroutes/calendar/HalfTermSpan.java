package org.attendanceroutes.calendar;

import java.time.LocalDate;

/** A half term: the dates between which the school may be open (closures aside). */
public record HalfTermSpan(String academicYear, Term term, int half, LocalDate start, LocalDate end) {

    public HalfTermSpan {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("a half term is 1 or 2, not " + half);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(name() + " ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** "Autumn 1 2026-27". */
    public String name() {
        return term.name().charAt(0) + term.name().substring(1).toLowerCase() + " " + half + " " + academicYear;
    }
}
