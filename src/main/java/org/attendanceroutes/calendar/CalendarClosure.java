package org.attendanceroutes.calendar;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A stored day on which one school is shut inside a half term. */
@Entity
public class CalendarClosure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long schoolId;
    private LocalDate closureDate;
    @Enumerated(EnumType.STRING)
    private ClosureKind kind;
    private String description;

    protected CalendarClosure() {
    }

    CalendarClosure(Long schoolId, LocalDate closureDate, CalendarFile.Closure closure) {
        this.schoolId = schoolId;
        this.closureDate = closureDate;
        this.kind = closure.kind();
        this.description = closure.description();
    }

    LocalDate getClosureDate() {
        return closureDate;
    }

    ClosureKind getKind() {
        return kind;
    }
}
