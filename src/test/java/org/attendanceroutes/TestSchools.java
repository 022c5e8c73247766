package org.attendanceroutes;

import java.time.LocalDate;

import org.attendanceroutes.calendar.CalendarFile;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.ContactRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.SchoolRepository;
import org.attendanceroutes.school.Upn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schools and pupils for Spring tests, each test choosing URNs and UPN digits no other test
 * uses (the PostgreSQL run shares one database).
 */
@Component
public class TestSchools {

    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    private final CalendarService calendars;

    TestSchools(SchoolRepository schools, PupilRepository pupils, ContactRepository contacts, CalendarService calendars) {
        this.schools = schools;
        this.pupils = pupils;
        this.contacts = contacts;
        this.calendars = calendars;
    }

    /** The school with this URN, created with the given route and calendar if it does not exist yet. */
    @Transactional
    public School school(String urn, String routeKey, CalendarFile calendar) {
        return schools.findByUrn(urn).orElseGet(() -> {
            School school = new School(urn, "Test School " + urn, routeKey);
            school.setAddress("1 Test Road", null, "Testtown", "TT1 1TT");
            school.setLetterhead("01632 960000", "office@" + urn + ".test.invalid", "Mrs H. Head", "Mr A. Lead");
            School saved = schools.save(school);
            calendars.replaceYears(saved.getId(), calendar);
            return saved;
        });
    }

    /** A pupil on roll since {@code admission}, with one parent who prefers post. */
    @Transactional
    public Pupil pupil(School school, String twelveDigits, String firstName, String lastName, LocalDate admission) {
        String upn = Upn.of(twelveDigits);
        return pupils.findByUpn(upn).orElseGet(() -> {
            Pupil pupil = pupils.save(new Pupil(school, upn, firstName, lastName, LocalDate.of(2014, 3, 1), 7, "7A",
                    admission));
            Contact parent = new Contact(pupil, "Ms", "Pat", lastName, "Mother", true, 1);
            parent.setAddress("2 Test Road", null, "Testtown", "TT1 2TT");
            parent.setReachableBy(null, "07700 900000", ContactMethod.POST);
            contacts.save(parent);
            return pupil;
        });
    }
}
