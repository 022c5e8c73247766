package org.attendanceroutes.attendance;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Schools.RollEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a {@link RegisterFile}, one mark a row under the header {@code upn,date,session,code}:
 *
 * <pre>
 * upn,date,session,code
 * A801400126001,2026-09-03,AM,/
 * A801400126001,2026-09-03,PM,\
 * </pre>
 *
 * <p>All or nothing: every row is checked first (the file's own checks, then a pupil we hold with
 * that UPN, on roll that day, a school day unless the code is not counted), and a file with any
 * bad row imports nothing and answers with its errors, each naming its line (the first
 * {@value #ERROR_CAP} by line, and how many in all). Otherwise new sessions are inserted, a new
 * code for a marked session replaces the old one and is recorded in {@code attendance_mark_change}
 * (old code, new code, when, by whom), and a mark that is already there is left alone, so
 * importing a file again changes nothing.
 *
 * <p>The checks run in memory; the writes are set-based (COPY on PostgreSQL), so a million marks
 * take seconds.
 */
@Service
public class RegisterImport {

    public static final String HEADER = RegisterFile.HEADER;
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

    private final DataSource dataSource;
    private final Schools schools;
    private final CalendarService calendars;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RegisterImport(DataSource dataSource, Schools schools, CalendarService calendars, Clock clock,
                   ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.schools = schools;
        this.calendars = calendars;
        this.clock = clock;
        this.events = events;
    }

    /** Imports the CSV read from {@code csv}, recording {@code actor} as the author of any change. */
    @Transactional
    public ImportResult importCsv(Reader csv, String actor) throws IOException {
        ImportErrors errors = new ImportErrors();
        RegisterFile file = RegisterFile.read(csv, errors);
        // the well-formed rows are checked further even beside bad ones: the answer lists every error
        errors.nextPhase();
        Roll roll = checkAgainstTheDatabase(file, errors);
        if (errors.total() > 0) {
            log.info("register import by {} refused: {} rows, {} errors", actor, file.size(), errors.total());
            return new ImportResult(file.size(), 0, 0, 0, errors.firstByLine(), errors.total());
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            ImportResult result = write(connection, file, roll, actor);
            if (result.inserted() + result.changed() > 0) {
                // the daily evaluation runs again for these schools, within this transaction
                events.publishEvent(new RegisterMarksImported(roll.schoolUrns()));
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

    /** The file's pupils' places on roll, by UPN number; null where no pupil has the UPN. */
    private record Roll(RollEntry[] entries) {

        long pupilId(int upnNumber) {
            return entries[upnNumber].pupilId();
        }

        /** The schools of the file's pupils. */
        Set<String> schoolUrns() {
            Set<String> urns = new TreeSet<>();
            for (RollEntry entry : entries) {
                if (entry != null) {
                    urns.add(entry.urn());
                }
            }
            return urns;
        }
    }

    /** The pupils of the file's UPNs, and each row's time on roll and school day. */
    private Roll checkAgainstTheDatabase(RegisterFile file, ImportErrors errors) {
        Roll roll = new Roll(new RollEntry[file.upns().size()]);
        for (RollEntry entry : schools.rollOf(file.upns())) {
            roll.entries[file.upnNumber(entry.upn())] = entry;
        }
        Map<Long, SchoolCalendar> calendarBySchool = new HashMap<>();
        for (int row = 0; row < file.size(); row++) {
            String upn = file.upns().get(file.pupil(row));
            RollEntry pupil = roll.entries[file.pupil(row)];
            LocalDate date = LocalDate.ofEpochDay(file.epochDay(row));
            if (pupil == null) {
                errors.add(file.line(row), "no pupil with UPN " + upn);
            } else if (date.isBefore(pupil.admission())) {
                errors.add(file.line(row), "UPN " + upn + " was not on roll on " + date + ": admitted on " + pupil.admission());
            } else if (pupil.leaving() != null && date.isAfter(pupil.leaving())) {
                errors.add(file.line(row), "UPN " + upn + " was not on roll on " + date + ": left on " + pupil.leaving());
            } else if (file.code(row).category().isPossible()) {
                SchoolCalendar calendar;
                try {
                    calendar = calendarBySchool.computeIfAbsent(pupil.schoolId(), calendars::calendarFor);
                } catch (IllegalStateException noCalendar) {
                    errors.add(file.line(row), "school " + pupil.urn() + " has no calendar loaded: load it before its marks");
                    continue;
                }
                if (!calendar.isSchoolDay(date)) {
                    errors.add(file.line(row), date + " is not a school day in the calendar of school " + pupil.urn()
                            + " (" + calendar.firstDay() + " to " + calendar.lastDay() + "): on such a day only codes"
                            + " that are not counted (D, Q, X, Y1-Y7, Z, #) may be recorded");
                }
            }
        }
        return roll;
    }

    private ImportResult write(Connection connection, RegisterFile file, Roll roll, String actor) throws SQLException {
        AttendanceCode[] existing = existingCodes(connection, file, roll);
        int inserted = 0;
        try (MarkCopy.Inserter insert = MarkCopy.inserter(connection)) {
            for (int row : inPupilIdOrder(file, roll)) {
                if (existing[row] == null) {
                    insert.add(roll.pupilId(file.pupil(row)), file.epochDay(row), file.session(row), file.code(row));
                    inserted++;
                }
            }
            insert.finish();
        }
        List<Integer> changes = new ArrayList<>();
        for (int row = 0; row < file.size(); row++) {
            if (existing[row] != null && existing[row] != file.code(row)) {
                changes.add(row);
            }
        }
        if (!changes.isEmpty()) {
            // the updates, then the record of them: one statement at a time on a connection
            try (PreparedStatement update = connection.prepareStatement(
                    "update attendance_mark set code = ? where pupil_id = ? and mark_date = ? and session = ?")) {
                for (int row : changes) {
                    update.setString(1, file.code(row).symbol());
                    update.setLong(2, roll.pupilId(file.pupil(row)));
                    update.setDate(3, Date.valueOf(LocalDate.ofEpochDay(file.epochDay(row))));
                    update.setString(4, file.session(row).name());
                    update.addBatch();
                }
                update.executeBatch();
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try (BulkInsert record = BulkInsert.into(connection, "attendance_mark_change", "pupil_id", "mark_date",
                    "session", "old_code", "new_code", "changed_at", "changed_by")) {
                for (int row : changes) {
                    record.add(roll.pupilId(file.pupil(row)), LocalDate.ofEpochDay(file.epochDay(row)),
                            file.session(row).name(), existing[row].symbol(), file.code(row).symbol(), now, actor);
                }
                record.finish();
            }
        }
        int changed = changes.size();
        return new ImportResult(file.size(), inserted, changed, file.size() - inserted - changed, List.of(), 0);
    }

    /** The code already recorded for each row's session, or null where there is none. */
    private static AttendanceCode[] existingCodes(Connection connection, RegisterFile file, Roll roll) throws SQLException {
        AttendanceCode[] existing = new AttendanceCode[file.size()];
        Map<Long, Integer> numberByPupilId = new HashMap<>();
        for (int number = 0; number < roll.entries.length; number++) {
            numberByPupilId.put(roll.pupilId(number), number);
        }
        try (PreparedStatement query = connection.prepareStatement("""
                select pupil_id, mark_date, session, code from attendance_mark
                where mark_date between ? and ? and pupil_id = any (?)""")) {
            query.setDate(1, Date.valueOf(LocalDate.ofEpochDay(file.firstDay())));
            query.setDate(2, Date.valueOf(LocalDate.ofEpochDay(file.lastDay())));
            query.setArray(3, connection.createArrayOf("bigint", numberByPupilId.keySet().toArray()));
            try (ResultSet marks = query.executeQuery()) {
                while (marks.next()) {
                    int row = file.rowOf(numberByPupilId.get(marks.getLong(1)), marks.getObject(2, LocalDate.class).toEpochDay(),
                            Session.valueOf(marks.getString(3)));
                    if (row >= 0) {
                        existing[row] = AttendanceCode.fromSymbol(marks.getString(4));
                    }
                }
            }
        }
        return existing;
    }

    /**
     * The rows grouped by pupil, pupils by id, each pupil's rows in file order: the marks' key
     * (pupil, date, session) then takes them page after page instead of all over its index.
     */
    private static int[] inPupilIdOrder(RegisterFile file, Roll roll) {
        int pupils = roll.entries.length;
        Integer[] byId = new Integer[pupils];
        Arrays.setAll(byId, i -> i);
        Arrays.sort(byId, Comparator.comparingLong(roll::pupilId));
        int[] rowsOfPupil = new int[pupils];
        for (int row = 0; row < file.size(); row++) {
            rowsOfPupil[file.pupil(row)]++;
        }
        int[] nextOfPupil = new int[pupils];
        int position = 0;
        for (int i : byId) {
            nextOfPupil[i] = position;
            position += rowsOfPupil[i];
        }
        int[] order = new int[file.size()];
        for (int row = 0; row < file.size(); row++) {
            order[nextOfPupil[file.pupil(row)]++] = row;
        }
        return order;
    }
}
