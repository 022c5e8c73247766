package org.attendanceroutes.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.attendanceroutes.attendance.BulkInsert;
import org.attendanceroutes.attendance.RegisterGenerator;
import org.attendanceroutes.calendar.CalendarFile;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.school.Upn;

/**
 * A deterministic data set the size of a local authority, for benchmarks and bulk tests: N
 * schools on the demo calendar, each following one of the five routes; N pupils shared among
 * them (years 7 to 11, 2 % joining and 1 % leaving during the year), each with a parent; and the
 * year's register marks up to a day, with {@link RegisterGenerator}'s realistic patterns.
 *
 * <p>The same seed and sizes give the same schools, pupils and marks whatever ids the database
 * hands out. Loaded with COPY on PostgreSQL (about 40 M rows in minutes), batches elsewhere.
 */
public final class LargeDataSet {

    /** What a load wrote (or found already there). */
    public record Loaded(int schools, int pupils, long marks) {
    }

    private static final String[] ROUTES = {"attendance-action-routes", "graduated-attendance-response",
            "attendance-interventions-framework", "attendance-improvement-process", "supporting-attendance-action-plan"};
    private static final String[] FIRST_NAMES = {"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Leo"};
    private static final String[] LAST_NAMES = {"Smith", "Jones", "Taylor", "Brown", "Patel", "Khan", "Evans", "Begum"};

    private final DataSource dataSource;
    private final CalendarService calendars;
    private final long seed;

    public LargeDataSet(DataSource dataSource, CalendarService calendars, long seed) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.seed = seed;
    }

    /**
     * Loads {@code schools} schools with URNs from {@code firstUrn} on and {@code pupils} pupils whose
     * UPNs start with {@code laCode}, with marks from the first school day of the year up to
     * {@code today}; or, when the first school is already there, counts what is.
     */
    public Loaded load(int firstUrn, String laCode, int schools, int pupils, LocalDate today) throws SQLException {
        if (pupils > schools * 1000) {
            throw new IllegalArgumentException("at most 1,000 pupils a school: the UPN's serial has 3 digits");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, firstUrn)) {
                return count(connection, firstUrn, schools);
            }
        }
        CalendarFile calendarFile = TestSchools.demoCalendar();
        RegisterGenerator generator = new RegisterGenerator(seed);
        long marks = 0;
        for (int s = 0; s < schools; s++) {
            int urn = firstUrn + s;
            int size = pupils / schools + (s < pupils % schools ? 1 : 0);
            long schoolId = insertSchool(urn, s);
            calendars.replaceYears(schoolId, calendarFile);
            SchoolCalendar calendar = calendars.calendarFor(schoolId);
            List<LocalDate> days = calendar.schoolDays(calendar.startOfYearToDate(today), today);
            marks += insertPupilsAndMarks(schoolId, urn, laCode, size, days, generator);
        }
        return new Loaded(schools, pupils, marks);
    }

    private long insertSchool(int urn, int index) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into school (urn, name, address_line1, town, postcode, phone, email, headteacher,
                                         attendance_lead, route_key)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[]{"id"})) {
            insert.setString(1, String.valueOf(urn));
            insert.setString(2, "Benchmark School " + urn);
            insert.setString(3, (1 + index) + " School Lane");
            insert.setString(4, "Benchtown");
            insert.setString(5, "BT1 1AA");
            insert.setString(6, "01632 960000");
            insert.setString(7, "office@" + urn + ".example.invalid");
            insert.setString(8, "Head " + urn);
            insert.setString(9, "Attendance Lead " + urn);
            insert.setString(10, ROUTES[index % ROUTES.length]);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private long insertPupilsAndMarks(long schoolId, int urn, String laCode, int size, List<LocalDate> days,
                                      RegisterGenerator generator) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed * 31 + urn);
        LocalDate yearStart = days.get(0);
        int startYear = yearStart.getYear();
        List<Object[]> pupils = new ArrayList<>(size);
        for (int serial = 0; serial < size; serial++) {
            int yearGroup = 7 + serial % 5;
            int entryYear = startYear - (yearGroup - 7);
            LocalDate admission = LocalDate.of(entryYear, 9, 1);
            LocalDate leaving = null;
            if (serial % 50 == 49) {
                admission = days.get(random.nextInt(days.size()));
            } else if (serial % 100 == 37) {
                leaving = days.get(random.nextInt(days.size()));
            }
            String upn = Upn.of(laCode + String.format("%04d%02d%03d", urn % 10000, entryYear % 100, serial));
            pupils.add(new Object[]{schoolId, upn, FIRST_NAMES[random.nextInt(FIRST_NAMES.length)],
                    LAST_NAMES[random.nextInt(LAST_NAMES.length)], LocalDate.of(entryYear - 11, 9, 1).plusDays(random.nextInt(365)),
                    yearGroup, yearGroup + "ABCD".substring(serial % 4, serial % 4 + 1), admission, leaving});
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (BulkInsert insert = BulkInsert.into(connection, "pupil", "school_id", "upn", "first_name", "last_name",
                    "date_of_birth", "year_group", "tutor_group", "admission_date", "leaving_date")) {
                for (Object[] pupil : pupils) {
                    insert.add(pupil);
                }
                insert.finish();
            }
            Map<Long, Integer> serials = new LinkedHashMap<>();
            try (PreparedStatement ids = connection.prepareStatement("select id, upn from pupil where school_id = ?")) {
                ids.setLong(1, schoolId);
                try (ResultSet rows = ids.executeQuery()) {
                    while (rows.next()) {
                        serials.put(rows.getLong(1), Integer.parseInt(rows.getString(2).substring(10)));
                    }
                }
            }
            // one COPY at a time on a connection
            try (BulkInsert contacts = BulkInsert.into(connection, "contact", "pupil_id", "first_name", "last_name",
                    "relationship", "parental_responsibility", "email", "address_line1", "town", "postcode",
                    "preferred_contact_method", "priority")) {
                for (Map.Entry<Long, Integer> pupil : serials.entrySet()) {
                    contacts.add(pupil.getKey(), "Parent", pupils.get(pupil.getValue())[3], "Parent", true,
                            "parent" + pupil.getKey() + "@example.invalid", "1 Home Street", "Benchtown", "BT2 2BB", "EMAIL", 1);
                }
                contacts.finish();
            }
            long marks;
            try (BulkInsert insert = BulkInsert.into(connection, "attendance_mark", "pupil_id", "mark_date", "session",
                    "code")) {
                for (Map.Entry<Long, Integer> entry : serials.entrySet()) {
                    long pupilId = entry.getKey();
                    Object[] pupil = pupils.get(entry.getValue());
                    // the key is the pupil's place in the data set, not a database id: the same marks on any database
                    generator.generate(urn * 1000L + entry.getValue(), days, (LocalDate) pupil[7], (LocalDate) pupil[8],
                            (date, session, code) -> {
                                try {
                                    insert.add(pupilId, date, session.name(), code.symbol());
                                } catch (SQLException e) {
                                    throw new IllegalStateException(e);
                                }
                            });
                }
                marks = insert.finish();
            }
            connection.commit();
            return marks;
        }
    }

    private static boolean exists(Connection connection, int firstUrn) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select count(*) from school where urn = ?")) {
            query.setString(1, String.valueOf(firstUrn));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
    }

    private static Loaded count(Connection connection, int firstUrn, int schools) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(distinct p.id), (select count(*) from attendance_mark m join pupil q on q.id = m.pupil_id
                                              join school t on t.id = q.school_id where t.urn between ? and ?)
                from pupil p join school s on s.id = p.school_id where s.urn between ? and ?""")) {
            for (int i = 0; i < 2; i++) {
                query.setString(2 * i + 1, String.valueOf(firstUrn));
                query.setString(2 * i + 2, String.valueOf(firstUrn + schools - 1));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Loaded(schools, rows.getInt(1), rows.getLong(2));
            }
        }
    }
}
