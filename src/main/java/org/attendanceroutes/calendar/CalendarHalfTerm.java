package org.attendanceroutes.calendar;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A stored half term of one school's calendar. */
@Entity
public class CalendarHalfTerm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long schoolId;
    private String academicYear;
    @Enumerated(EnumType.STRING)
    private Term term;
    private int half;
    private LocalDate startDate;
    private LocalDate endDate;

    protected CalendarHalfTerm() {
    }

    CalendarHalfTerm(Long schoolId, HalfTermSpan span) {
        this.schoolId = schoolId;
        this.academicYear = span.academicYear();
        this.term = span.term();
        this.half = span.half();
        this.startDate = span.start();
        this.endDate = span.end();
    }

    HalfTermSpan toSpan() {
        return new HalfTermSpan(academicYear, term, half, startDate, endDate);
    }

    public String getAcademicYear() {
        return academicYear;
    }
}
