package org.attendanceroutes.school;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.attendanceroutes.calendar.CalendarFile;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schools, pupils and marks for Spring tests, found or created so a test may run again on a
 * shared database (the PostgreSQL run shares one). Each test class uses URNs and UPN digits no
 * other test uses.
 */
@Component
public class TestSchools {

    private final Schools schools;
    private final PupilRepository pupils;
    private final CalendarService calendars;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;

    TestSchools(Schools schools, PupilRepository pupils, CalendarService calendars, IdentityService identity,
                JdbcTemplate jdbc) {
        this.schools = schools;
        this.pupils = pupils;
        this.calendars = calendars;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /** The school with this URN, following attendance-improvement-process, with the demo calendar (2026-27 and 2027-28). */
    public School school(String urn) {
        return school(urn, "attendance-improvement-process", demoCalendar());
    }

    /**
     * The school with this URN, created with the given route and calendar if it does not exist yet.
     * The role users (tutor, officer, ...) are its staff, as a trust's central team is of each of
     * its schools.
     */
    @Transactional
    public School school(String urn, String routeKey, CalendarFile calendar) {
        return schools.byUrn(urn).orElseGet(() -> {
            School school = new School(urn, "Test School " + urn, routeKey);
            school.setAddress("1 Test Road", null, "Testtown", "TT1 1TT");
            school.setLetterhead("01632 960000", "office@" + urn + ".example.invalid", "Mrs H. Head", "Mr A. Lead");
            School saved = schools.save(school);
            calendars.replaceYears(saved.getId(), calendar);
            for (Role role : Role.values()) {
                if (identity.createUserQuery().userId(role.demoUserId()).memberOfTenant(urn).count() == 0) {
                    identity.createTenantUserMembership(urn, role.demoUserId());
                }
            }
            return saved;
        });
    }

    /**
     * Signs the user in to the engine as the application's login does: with their groups (roles)
     * and their tenants (schools), so the engine's tenant check applies as it does in production.
     */
    public void signIn(String userId) {
        identity.setAuthentication(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
    }

    /** The pupil "Test Pupil" with the UPN made of these 12 digits, on roll from {@code admission} to {@code leaving}. */
    public Pupil pupil(School school, String twelveDigits, LocalDate admission, LocalDate leaving) {
        return pupil(school, twelveDigits, "Test", "Pupil", admission, leaving);
    }

    /** The pupil with the UPN made of these 12 digits, on roll from {@code admission}. */
    public Pupil pupil(School school, String twelveDigits, String firstName, String lastName, LocalDate admission) {
        return pupil(school, twelveDigits, firstName, lastName, admission, null);
    }

    /**
     * The pupil with the UPN made of these 12 digits, on roll at {@code school} from
     * {@code admission}, with a mother who has parental responsibility and prefers post.
     */
    @Transactional
    public Pupil pupil(School school, String twelveDigits, String firstName, String lastName, LocalDate admission,
                       LocalDate leaving) {
        String upn = Upn.of(twelveDigits);
        return pupils.findByUpn(upn).orElseGet(() -> {
            Pupil pupil = new Pupil(school, upn, firstName, lastName, LocalDate.of(2014, 5, 1), 7, "7A", admission);
            pupil.setLeavingDate(leaving);
            Pupil saved = pupils.save(pupil);
            jdbc.update("""
                    insert into contact (pupil_id, title, first_name, last_name, relationship, parental_responsibility,
                        phone, address_line1, town, postcode, preferred_contact_method, priority)
                    values (?, 'Ms', 'Pat', ?, 'Mother', true, '07700 900000', '2 Test Road', 'Testtown', 'TT1 2TT',
                        'POST', 1)""", saved.getId(), lastName);
            return saved;
        });
    }

    /**
     * Marks every school day from..to, absent ("O O", unauthorised) on every {@code n}th school
     * day and present on the others; n = 0 marks every day present.
     */
    public void markAbsentEveryNthDay(Pupil pupil, String from, String to, int n) {
        List<LocalDate> days = calendar(pupil.getSchool()).schoolDays(LocalDate.parse(from), LocalDate.parse(to));
        String[] marks = new String[days.size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = n > 0 && i % n == n - 1 ? "O O" : "/ \\";
        }
        marks(pupil, days.get(0).toString(), marks);
    }

    public SchoolCalendar calendar(School school) {
        return calendars.calendarFor(school.getId());
    }

    /** Removes the pupil's marks and the record of their changes. */
    public void clearMarks(Pupil pupil) {
        jdbc.update("delete from attendance_mark_change where pupil_id = ?", pupil.getId());
        jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
    }

    /**
     * Marks consecutive school days from {@code firstDay}, one day per argument written "AM PM"
     * with register symbols, "." for a session left unmarked.
     */
    public void marks(Pupil pupil, String firstDay, String... days) {
        SchoolCalendar calendar = calendar(pupil.getSchool());
        LocalDate day = calendar.nextSchoolDayFrom(LocalDate.parse(firstDay));
        List<Object[]> rows = new ArrayList<>();
        for (String both : days) {
            String[] codes = both.split(" ");
            for (int session = 0; session < 2; session++) {
                if (!codes[session].equals(".")) {
                    rows.add(new Object[]{pupil.getId(), Date.valueOf(day), session == 0 ? "AM" : "PM", codes[session]});
                }
            }
            day = calendar.nextSchoolDayFrom(day.plusDays(1));
        }
        jdbc.batchUpdate("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, ?, ?)", rows);
    }

    /** Replaces the code of one marked session. */
    public void recode(Pupil pupil, String date, String session, String code) {
        jdbc.update("update attendance_mark set code = ? where pupil_id = ? and mark_date = ? and session = ?",
                code, pupil.getId(), Date.valueOf(date), session);
    }

    /** Marks every school day from..to with the same pair, "/ \\" for a present pupil. */
    public void markEveryDay(Pupil pupil, String from, String to, String both) {
        List<LocalDate> days = calendar(pupil.getSchool()).schoolDays(LocalDate.parse(from), LocalDate.parse(to));
        marks(pupil, days.get(0).toString(), days.stream().map(d -> both).toArray(String[]::new));
    }

    public static CalendarFile demoCalendar() {
        try (Reader reader = new InputStreamReader(TestSchools.class.getResourceAsStream("/demo/calendar.csv"),
                StandardCharsets.UTF_8)) {
            return CalendarFile.parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
