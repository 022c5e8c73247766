package org.attendanceroutes.school;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A pupil on a school's roll between admission and (if set) leaving. */
@Entity
public class Pupil {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "school_id")
    private School school;

    @ValidUpn
    private String upn;

    @NotBlank
    private String firstName;
    @NotBlank
    private String lastName;
    @NotNull
    private LocalDate dateOfBirth;
    /** Reception is 0, then 1 to 13. */
    @Min(0)
    @Max(13)
    private int yearGroup;
    @NotBlank
    private String tutorGroup;
    @NotNull
    private LocalDate admissionDate;
    private LocalDate leavingDate;

    protected Pupil() {
    }

    public Pupil(School school, String upn, String firstName, String lastName, LocalDate dateOfBirth,
                 int yearGroup, String tutorGroup, LocalDate admissionDate) {
        this.school = school;
        this.upn = upn;
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.yearGroup = yearGroup;
        this.tutorGroup = tutorGroup;
        this.admissionDate = admissionDate;
    }

    public Long getId() { return id; }
    public School getSchool() { return school; }
    public String getUpn() { return upn; }
    public String getFirstName() { return firstName; }
    public String getLastName() { return lastName; }
    public String getFullName() { return firstName + " " + lastName; }
    public LocalDate getDateOfBirth() { return dateOfBirth; }
    public int getYearGroup() { return yearGroup; }
    public String getTutorGroup() { return tutorGroup; }
    public LocalDate getAdmissionDate() { return admissionDate; }
    public LocalDate getLeavingDate() { return leavingDate; }

    public void setLeavingDate(LocalDate leavingDate) {
        this.leavingDate = leavingDate;
    }

    /** Whether the pupil is on roll on {@code date}: from admission to leaving, both included. */
    public boolean isOnRoll(LocalDate date) {
        return !date.isBefore(admissionDate) && (leavingDate == null || !date.isAfter(leavingDate));
    }
}
