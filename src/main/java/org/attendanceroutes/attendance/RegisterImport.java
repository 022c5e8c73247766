package org.attendanceroutes.attendance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.Upn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports register marks from CSV (UTF-8), one mark a row under the header
 * {@code upn,date,session,code}:
 *
 * <pre>
 * upn,date,session,code
 * A801400126001,2026-09-03,AM,/
 * A801400126001,2026-09-03,PM,\
 * </pre>
 *
 * <p>All or nothing: every row is checked first (UPN of a pupil we hold, ISO date, AM or PM, a code
 * in force, on roll that day, a school day unless the code is not counted, each session once),
 * and a file with any bad row imports nothing and answers with its errors, each naming its line
 * (the first {@value #ERROR_CAP} by line, and how many in all). Otherwise new sessions are
 * inserted, a new code for a marked session replaces the old one and is recorded in
 * {@code attendance_mark_change} (old code, new code, when, by whom), and a mark that is already
 * there is left alone, so importing a file again changes nothing.
 *
 * <p>The checks run in memory; the writes are set-based (COPY on PostgreSQL), so a million marks
 * take seconds.
 */
@Service
public class RegisterImport {

    public static final String HEADER = "upn,date,session,code";
    /** How many errors an answer lists; it always says how many there are. */
    public static final int ERROR_CAP = 100;

    public record ImportError(int line, String message) {
    }

    /**
     * What an import did, or why it did nothing.
     *
     * @param rows        the file's marks
     * @param errors      the first {@value #ERROR_CAP} errors by line; empty when the file was imported
     * @param totalErrors all the errors; 0 when the file was imported
     */
    public record ImportResult(int rows, int inserted, int changed, int unchanged, List<ImportError> errors,
                               int totalErrors) {

        public boolean imported() {
            return totalErrors == 0;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(RegisterImport.class);
    private static final AttendanceCode[] CODES = AttendanceCode.values();
    private static final Session[] SESSIONS = Session.values();

    private final DataSource dataSource;
    private final CalendarService calendars;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegisterImport(DataSource dataSource, CalendarService calendars, Clock clock, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.clock = clock;
        this.events = events;
    }

    /** Imports the CSV read from {@code csv}, recording {@code actor} as the author of any change. */
    @Transactional
    public ImportResult importCsv(Reader csv, String actor) throws IOException {
        Errors errors = new Errors();
        Rows rows = Rows.parse(csv, errors);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            // the well-formed rows are checked further even beside bad ones: the answer lists every error
            errors.nextPhase();
            rows.findRepeatedSessions(errors);
            errors.nextPhase();
            checkAgainstTheDatabase(connection, rows, errors);
            if (errors.any()) {
                log.info("register import by {} refused: {} rows, {} errors", actor, rows.size, errors.total);
                return new ImportResult(rows.size, 0, 0, 0, errors.firstByLine(), errors.total);
            }
            ImportResult result = write(connection, rows, actor);
            if (result.inserted() + result.changed() > 0) {
                // the daily evaluation runs again for these schools, within this transaction
                events.publishEvent(new RegisterMarksImported(rows.schoolUrns()));
            }
            log.info("register import by {}: {} rows, {} inserted, {} changed, {} unchanged", actor, result.rows(),
                    result.inserted(), result.changed(), result.unchanged());
            return result;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new ConflictException("another import wrote marks for the same sessions meanwhile:"
                        + " nothing was imported; import the file again", e);
            }
            throw new IllegalStateException("the register import failed and imported nothing: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The pupils of the file's UPNs, and each row's time on roll and school day. */
    private void checkAgainstTheDatabase(Connection connection, Rows rows, Errors errors) throws SQLException {
        // one query with the UPNs as an array: a long IN list costs more to plan than to run
        try (PreparedStatement query = connection.prepareStatement("""
                select p.id, p.upn, p.school_id, s.urn, p.admission_date, p.leaving_date
                from pupil p join school s on s.id = p.school_id where p.upn = any (?)""")) {
            query.setArray(1, connection.createArrayOf("varchar", rows.upns.toArray()));
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    int index = rows.upnNumbers.get(found.getString(2));
                    rows.pupilIds[index] = found.getLong(1);
                    rows.pupils[index] = new RollPupil(found.getLong(3), found.getString(4),
                            found.getObject(5, LocalDate.class), found.getObject(6, LocalDate.class));
                }
            }
        }
        Map<Long, SchoolCalendar> calendarBySchool = new HashMap<>();
        for (int row = 0; row < rows.size; row++) {
            String upn = rows.upns.get(rows.pupil[row]);
            RollPupil pupil = rows.pupils[rows.pupil[row]];
            LocalDate date = LocalDate.ofEpochDay(rows.epochDay[row]);
            if (pupil == null) {
                errors.add(rows.line[row], "no pupil with UPN " + upn);
            } else if (date.isBefore(pupil.admission())) {
                errors.add(rows.line[row], "UPN " + upn + " was not on roll on " + date + ": admitted on " + pupil.admission());
            } else if (pupil.leaving() != null && date.isAfter(pupil.leaving())) {
                errors.add(rows.line[row], "UPN " + upn + " was not on roll on " + date + ": left on " + pupil.leaving());
            } else if (CODES[rows.code[row]].category().isPossible()) {
                SchoolCalendar calendar;
                try {
                    calendar = calendarBySchool.computeIfAbsent(pupil.schoolId(), calendars::calendarFor);
                } catch (IllegalStateException noCalendar) {
                    errors.add(rows.line[row], "school " + pupil.urn() + " has no calendar loaded: load it before its marks");
                    continue;
                }
                if (!calendar.isSchoolDay(date)) {
                    errors.add(rows.line[row], date + " is not a school day in the calendar of school " + pupil.urn()
                            + " (" + calendar.firstDay() + " to " + calendar.lastDay() + "): on such a day only codes"
                            + " that are not counted (D, Q, X, Y1-Y7, Z, #) may be recorded");
                }
            }
        }
    }

    private record RollPupil(long schoolId, String urn, LocalDate admission, LocalDate leaving) {
    }

    private ImportResult write(Connection connection, Rows rows, String actor) throws SQLException {
        byte[] existing = existingCodes(connection, rows);
        int inserted = 0;
        try (MarkCopy.Inserter insert = MarkCopy.inserter(connection)) {
            for (int row : rows.inPupilIdOrder()) {
                if (existing[row] < 0) {
                    insert.add(rows.pupilIds[rows.pupil[row]], rows.epochDay[row], SESSIONS[rows.session[row]],
                            CODES[rows.code[row]]);
                    inserted++;
                }
            }
            insert.finish();
        }
        List<Integer> changes = new ArrayList<>();
        for (int row = 0; row < rows.size; row++) {
            if (existing[row] >= 0 && existing[row] != rows.code[row]) {
                changes.add(row);
            }
        }
        if (!changes.isEmpty()) {
            // the updates, then the record of them: one statement at a time on a connection
            try (PreparedStatement update = connection.prepareStatement(
                    "update attendance_mark set code = ? where pupil_id = ? and mark_date = ? and session = ?")) {
                for (int row : changes) {
                    update.setString(1, CODES[rows.code[row]].symbol());
                    update.setLong(2, rows.pupilIds[rows.pupil[row]]);
                    update.setDate(3, Date.valueOf(LocalDate.ofEpochDay(rows.epochDay[row])));
                    update.setString(4, SESSIONS[rows.session[row]].name());
                    update.addBatch();
                }
                update.executeBatch();
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try (BulkInsert record = BulkInsert.into(connection, "attendance_mark_change", "pupil_id", "mark_date",
                    "session", "old_code", "new_code", "changed_at", "changed_by")) {
                for (int row : changes) {
                    record.add(rows.pupilIds[rows.pupil[row]], LocalDate.ofEpochDay(rows.epochDay[row]),
                            SESSIONS[rows.session[row]].name(), CODES[existing[row]].symbol(), CODES[rows.code[row]].symbol(),
                            now, actor);
                }
                record.finish();
            }
        }
        int changed = changes.size();
        return new ImportResult(rows.size, inserted, changed, rows.size - inserted - changed, List.of(), 0);
    }

    /** The code already recorded for each row's session (its ordinal), or -1 where there is none. */
    private static byte[] existingCodes(Connection connection, Rows rows) throws SQLException {
        byte[] existing = new byte[rows.size];
        Arrays.fill(existing, (byte) -1);
        Map<Long, Integer> indexByPupilId = new HashMap<>();
        for (int i = 0; i < rows.pupilIds.length; i++) {
            indexByPupilId.put(rows.pupilIds[i], i);
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select pupil_id, mark_date, session, code from attendance_mark
                where mark_date between ? and ? and pupil_id = any (?)""")) {
            query.setDate(1, Date.valueOf(LocalDate.ofEpochDay(rows.firstDay)));
            query.setDate(2, Date.valueOf(LocalDate.ofEpochDay(rows.lastDay)));
            query.setArray(3, connection.createArrayOf("bigint", indexByPupilId.keySet().toArray()));
            try (ResultSet marks = query.executeQuery()) {
                while (marks.next()) {
                    int row = rows.sessions.get(Rows.key(indexByPupilId.get(marks.getLong(1)),
                            marks.getObject(2, LocalDate.class).toEpochDay(), Session.valueOf(marks.getString(3)).ordinal()));
                    if (row >= 0) {
                        existing[row] = (byte) AttendanceCode.fromSymbol(marks.getString(4)).ordinal();
                    }
                }
            }
        }
        return existing;
    }

    /** The errors found, at most {@value #ERROR_CAP} kept from each check (each runs in line order). */
    private static final class Errors {
        final List<ImportError> kept = new ArrayList<>();
        int total;
        int keptThisPhase;

        void add(int line, String message) {
            total++;
            if (keptThisPhase < ERROR_CAP) {
                kept.add(new ImportError(line, message));
                keptThisPhase++;
            }
        }

        void nextPhase() {
            keptThisPhase = 0;
        }

        boolean any() {
            return total > 0;
        }

        List<ImportError> firstByLine() {
            kept.sort(Comparator.comparingInt(ImportError::line));
            return List.copyOf(kept.subList(0, Math.min(ERROR_CAP, kept.size())));
        }
    }

    /** The file's well-formed rows, one array a column; UPNs numbered in the order first met. */
    private static final class Rows {
        /** Keeps epoch days of 4-digit years positive in a session's key. */
        private static final long DAY_OFFSET = 719_528;

        final List<String> upns = new ArrayList<>();
        final Map<String, Integer> upnNumbers = new HashMap<>();

        /** The schools of the file's pupils (after the check against the database). */
        Set<String> schoolUrns() {
            Set<String> urns = new TreeSet<>();
            for (RollPupil pupil : pupils) {
                if (pupil != null) {
                    urns.add(pupil.urn());
                }
            }
            return urns;
        }
        int size;
        int[] line = new int[1024];
        int[] pupil = new int[1024];
        long[] epochDay = new long[1024];
        byte[] session = new byte[1024];
        byte[] code = new byte[1024];
        long firstDay = Long.MAX_VALUE;
        long lastDay = Long.MIN_VALUE;
        /** After the database check: by UPN number, the pupil's id and roll. */
        long[] pupilIds;
        RollPupil[] pupils;
        /** After the repeated-session check: each session's row. */
        SessionIndex sessions;

        static long key(int pupil, long epochDay, int session) {
            return ((long) pupil << 32) | ((epochDay + DAY_OFFSET) << 1) | session;
        }

        /**
         * The rows grouped by pupil, pupils by id, each pupil's rows in file order: the marks' key
         * (pupil, date, session) then takes them page after page instead of all over its index.
         */
        int[] inPupilIdOrder() {
            Integer[] byId = new Integer[pupilIds.length];
            Arrays.setAll(byId, i -> i);
            Arrays.sort(byId, Comparator.comparingLong(i -> pupilIds[i]));
            int[] rowsOfPupil = new int[pupilIds.length];
            for (int row = 0; row < size; row++) {
                rowsOfPupil[pupil[row]]++;
            }
            int[] nextOfPupil = new int[pupilIds.length];
            int position = 0;
            for (int i : byId) {
                nextOfPupil[i] = position;
                position += rowsOfPupil[i];
            }
            int[] order = new int[size];
            for (int row = 0; row < size; row++) {
                order[nextOfPupil[pupil[row]]++] = row;
            }
            return order;
        }

        static Rows parse(Reader csv, Errors errors) throws IOException {
            Rows rows = new Rows();
            Map<String, String> upnProblems = new HashMap<>();
            Map<String, Long> days = new HashMap<>();
            BufferedReader reader = new BufferedReader(csv, 1 << 16);
            int number = 0;
            boolean header = false;
            String text;
            try {
                while ((text = reader.readLine()) != null) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    if (!header) {
                        if (!text.replace("\uFEFF", "").strip().equalsIgnoreCase(HEADER)) {
                            errors.add(number, "the first line must be the header '" + HEADER + "'");
                            return rows;
                        }
                        header = true;
                        continue;
                    }
                    rows.parseRow(number, text, upnProblems, days, errors);
                }
            } catch (CharacterCodingException e) {
                errors.add(number + 1, "the file is not UTF-8: bytes on this line or soon after are not UTF-8 characters");
                return rows;
            }
            if (!header) {
                errors.add(1, "the file is empty: it needs the header '" + HEADER + "' and a row for each mark");
            }
            rows.pupilIds = new long[rows.upns.size()];
            rows.pupils = new RollPupil[rows.upns.size()];
            return rows;
        }

        private void parseRow(int number, String text, Map<String, String> upnProblems, Map<String, Long> days,
                              Errors errors) {
            String[] cells = text.split(",", -1);
            if (cells.length != 4) {
                errors.add(number, "expected 4 columns (" + HEADER + "), found " + cells.length);
                return;
            }
            String upn = cell(cells[0]);
            String dateText = cell(cells[1]);
            String sessionText = cell(cells[2]);
            String symbol = cell(cells[3]);
            boolean good = true;
            String problem = upnNumbers.containsKey(upn) ? null : upnProblems.computeIfAbsent(upn, Upn::problem);
            if (problem != null) {
                errors.add(number, problem);
                good = false;
            }
            Long day = days.computeIfAbsent(dateText, Rows::epochDay);
            if (day == null) {
                errors.add(number, "date '" + dateText + "' is not a date (YYYY-MM-DD)");
                good = false;
            }
            int sessionNumber = sessionText.equalsIgnoreCase("AM") ? 0 : sessionText.equalsIgnoreCase("PM") ? 1 : -1;
            if (sessionNumber < 0) {
                errors.add(number, "session '" + sessionText + "' is not AM or PM");
                good = false;
            }
            AttendanceCode attendanceCode = null;
            if (symbol.isEmpty()) {
                errors.add(number, "the code is empty: leave a session out of the file until it has a code");
                good = false;
            } else {
                try {
                    attendanceCode = AttendanceCode.fromSymbol(symbol);
                } catch (IllegalArgumentException e) {
                    errors.add(number, e.getMessage());
                    good = false;
                }
            }
            if (good) {
                add(number, upn, day, sessionNumber, attendanceCode);
            }
        }

        private void add(int number, String upn, long day, int sessionNumber, AttendanceCode attendanceCode) {
            if (size == line.length) {
                int capacity = size * 2;
                line = Arrays.copyOf(line, capacity);
                pupil = Arrays.copyOf(pupil, capacity);
                epochDay = Arrays.copyOf(epochDay, capacity);
                session = Arrays.copyOf(session, capacity);
                code = Arrays.copyOf(code, capacity);
            }
            Integer upnNumber = upnNumbers.get(upn);
            if (upnNumber == null) {
                upnNumber = upns.size();
                upns.add(upn);
                upnNumbers.put(upn, upnNumber);
            }
            line[size] = number;
            pupil[size] = upnNumber;
            epochDay[size] = day;
            session[size] = (byte) sessionNumber;
            code[size] = (byte) attendanceCode.ordinal();
            firstDay = Math.min(firstDay, day);
            lastDay = Math.max(lastDay, day);
            size++;
        }

        void findRepeatedSessions(Errors errors) {
            sessions = new SessionIndex(size);
            for (int row = 0; row < size; row++) {
                int first = sessions.putIfAbsent(key(pupil[row], epochDay[row], session[row]), row);
                if (first >= 0) {
                    errors.add(line[row], "UPN " + upns.get(pupil[row]) + ", " + LocalDate.ofEpochDay(epochDay[row]) + " "
                            + SESSIONS[session[row]] + " is already on line " + line[first]);
                }
            }
        }

        /** A cell without the spaces around it or the quotes a spreadsheet may add. */
        private static String cell(String raw) {
            String cell = raw.strip();
            return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                    ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"").strip() : cell;
        }

        /** The epoch day of an ISO date with a four-digit year, or null. */
        private static Long epochDay(String text) {
            if (text.length() != 10) {
                return null;
            }
            try {
                return LocalDate.parse(text).toEpochDay();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /** Sessions (by key) to their rows, without boxing a million keys: open addressing over two arrays. */
    private static final class SessionIndex {
        private final long[] keys;
        private final int[] rows;
        private final int mask;

        SessionIndex(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            rows = new int[capacity];
            mask = capacity - 1;
            Arrays.fill(keys, -1);
        }

        /** The row already holding {@code key}, or -1 once {@code row} is put in for it. */
        int putIfAbsent(long key, int row) {
            int slot = slot(key);
            while (keys[slot] != -1) {
                if (keys[slot] == key) {
                    return rows[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            rows[slot] = row;
            return -1;
        }

        /** The row of {@code key}, or -1. */
        int get(long key) {
            for (int slot = slot(key); keys[slot] != -1; slot = (slot + 1) & mask) {
                if (keys[slot] == key) {
                    return rows[slot];
                }
            }
            return -1;
        }

        private int slot(long key) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }
    }
}
