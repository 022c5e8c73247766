package org.attendanceroutes.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.attendanceroutes.attendance.AttendanceMark;
import org.attendanceroutes.attendance.AttendanceService;
import org.attendanceroutes.attendance.RegisterGenerator;
import org.attendanceroutes.calendar.CalendarFile;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Upn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo data for the embedded profile, loaded once, unless the demo schools exist: five schools (one per
 * route), about 200 pupils each with their parents or carers, this year's and next year's
 * calendar, and register marks from the first day of the year to today. Deterministic: the same
 * seed and the same day give the same data.
 */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final int PUPILS_PER_SCHOOL = 200;

    private static final String[] FIRST_NAMES = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia",
            "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily", "Harry", "Sophia", "Muhammad", "Grace", "Jack",
            "Aisha", "Theo", "Zara", "Charlie", "Poppy", "Jacob", "Evie", "Alfie", "Maryam", "Finley", "Ruby",
            "Kai", "Olivia", "Tomasz", "Chloe", "Reuben", "Hannah", "Yusuf", "Ella", "Dylan", "Amara", "Ethan"};
    private static final String[] LAST_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson",
            "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts",
            "Green", "Hall", "Khan", "Clarke", "Lewis", "Harris", "Hughes", "Edwards", "Ali", "Kowalski",
            "Okafor", "Begum", "Murphy", "Campbell"};
    private static final String[] STREETS = {"Station Road", "Church Street", "Victoria Road", "Park Avenue",
            "Mill Lane", "Queens Road", "Green Lane", "The Crescent", "Manor Way", "Orchard Close"};
    private static final String[] PARENT_FIRST_NAMES = {"Sarah", "James", "Emma", "David", "Fatima", "Michael",
            "Rachel", "Daniel", "Nadia", "Paul", "Joanne", "Imran", "Claire", "Mark", "Agnieszka", "Chidi"};

    private final boolean enabled;
    private final long seed;
    private final Clock clock;
    private final Schools schools;
    private final CalendarService calendars;
    private final AttendanceService attendance;

    DemoData(@Value("${attendance.demo.data}") boolean enabled, @Value("${attendance.demo.seed:20260901}") long seed,
             Clock clock, Schools schools, CalendarService calendars, AttendanceService attendance) {
        this.enabled = enabled;
        this.seed = seed;
        this.clock = clock;
        this.schools = schools;
        this.calendars = calendars;
        this.attendance = attendance;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        // the first demo school tells: other schools may share the database (tests on PostgreSQL do)
        if (!enabled || schools.byUrn(DemoSchools.ALL.get(0).urn()).isPresent()) {
            return;
        }
        CalendarFile calendarFile;
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/calendar.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            calendarFile = CalendarFile.parse(reader);
        }
        LocalDate today = LocalDate.now(clock);
        RegisterGenerator generator = new RegisterGenerator(seed);
        int marks = 0;
        for (DemoSchools spec : DemoSchools.ALL) {
            School school = schools.save(school(spec));
            calendars.replaceYears(school.getId(), calendarFile);
            SchoolCalendar calendar = calendars.calendarFor(school.getId());
            LocalDate yearStart = calendar.startOfAcademicYear(today);
            List<LocalDate> days = calendar.schoolDays(yearStart, today);
            SplittableRandom random = new SplittableRandom(seed + Long.parseLong(spec.urn()));
            for (int i = 0; i < PUPILS_PER_SCHOOL; i++) {
                Pupil pupil = schools.save(pupil(spec, school, i, yearStart, days, random));
                schools.saveContacts(contactsOf(pupil, random));
                marks += insertMarks(generator, pupil, days);
            }
        }
        log.info("demo data loaded: {} schools, {} pupils, {} register marks up to {}",
                DemoSchools.ALL.size(), DemoSchools.ALL.size() * PUPILS_PER_SCHOOL, marks, today);
    }

    private static School school(DemoSchools spec) {
        School school = new School(spec.urn(), spec.name(), spec.routeKey());
        school.setAddress("1 School Lane", null, spec.town(), spec.postcode());
        school.setLetterhead("01632 960" + spec.urn().substring(4), "attendance@" + spec.urn() + ".school.invalid",
                "Dr R. Okoro", "Ms J. Whitfield");
        return school;
    }

    private static Pupil pupil(DemoSchools spec, School school, int index, LocalDate yearStart,
                               List<LocalDate> days, SplittableRandom random) {
        int yearGroup = spec.firstYearGroup() + index % (spec.lastYearGroup() - spec.firstYearGroup() + 1);
        int academicStartYear = yearStart.getYear();
        int entryYear = academicStartYear - (yearGroup - spec.firstYearGroup());
        String digits = spec.laCode() + spec.establishment() + String.format("%02d%03d", entryYear % 100, index);
        LocalDate birth = LocalDate.of(academicStartYear - yearGroup - 5, 9, 1).plusDays(random.nextInt(365));
        // a few pupils join during the year: they are measured from admission
        LocalDate admission = index % 40 == 39 && days.size() > 20
                ? days.get(days.size() / 2) : LocalDate.of(entryYear, 9, 1);
        String tutorGroup = (yearGroup == 0 ? "R" : String.valueOf(yearGroup)) + "ABCDEF".charAt(index % 6);
        return new Pupil(school, Upn.of(digits), FIRST_NAMES[random.nextInt(FIRST_NAMES.length)],
                LAST_NAMES[random.nextInt(LAST_NAMES.length)], birth, yearGroup, tutorGroup, admission);
    }

    private static List<Contact> contactsOf(Pupil pupil, SplittableRandom random) {
        String street = (1 + random.nextInt(120)) + " " + STREETS[random.nextInt(STREETS.length)];
        String town = pupil.getSchool().getTown();
        String postcode = pupil.getSchool().getPostcode().split(" ")[0] + " " + (1 + random.nextInt(9))
                + "AB".charAt(random.nextInt(2)) + "DEFGH".charAt(random.nextInt(5));
        List<Contact> result = new ArrayList<>();
        int count = random.nextInt(10) < 6 ? 2 : 1;
        for (int priority = 1; priority <= count; priority++) {
            boolean mother = priority == 1 && random.nextInt(10) < 7;
            String first = PARENT_FIRST_NAMES[random.nextInt(PARENT_FIRST_NAMES.length)];
            Contact contact = new Contact(pupil, mother ? "Ms" : "Mr", first, pupil.getLastName(),
                    mother ? "Mother" : priority == 1 ? "Father" : "Carer", true, priority);
            contact.setAddress(street, null, town, postcode);
            boolean email = random.nextInt(10) < 7;
            contact.setReachableBy(email ? first.toLowerCase() + "." + pupil.getLastName().toLowerCase()
                            + priority + "@example.invalid" : null,
                    "07700 9" + String.format("%05d", random.nextInt(100000)),
                    email ? ContactMethod.EMAIL : ContactMethod.POST);
            result.add(contact);
        }
        return result;
    }

    private int insertMarks(RegisterGenerator generator, Pupil pupil, List<LocalDate> days) {
        List<AttendanceMark> marks = new ArrayList<>(days.size() * 2);
        generator.generate(pupil.getId(), days, pupil.getAdmissionDate(), pupil.getLeavingDate(),
                (date, session, code) -> marks.add(new AttendanceMark(pupil.getId(), date, session, code)));
        attendance.insert(marks);
        return marks.size();
    }
}
