package org.attendanceroutes.attendance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Schools.RollEntry;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every pupil's summary straight from the database, a school or a whole local authority at a
 * time: one pass over the marks of the reporting periods into in-memory registers, then the
 * {@link AttendanceCalculator}, so the figures are the same as {@link AttendanceService}'s.
 *
 * <p>On PostgreSQL the marks stream through binary COPY ({@link MarkCopy}); elsewhere through an
 * ordinary query.
 */
@Service
public class AttendanceEvaluation {

    /** One pupil's summary. */
    public record PupilSummary(Long pupilId, String upn, Long schoolId, AttendanceSummary summary) {
    }

    /** Where the summaries go, a school at a time. */
    interface SchoolSummaries {

        /** The school's summaries, by UPN. */
        void evaluated(Long schoolId, List<PupilSummary> summaries);

        /** The school could not be evaluated (its calendar is missing or does not reach today); the others go on. */
        void failed(Long schoolId, RuntimeException reason);
    }

    /** Runs a COPY of marks ({@link MarkCopy#read}) for the evaluation on {@code connection}. */
    @FunctionalInterface
    interface MarkCopier {
        void read(Connection connection, String select, MarkCopy.Sink sink) throws SQLException;
    }

    private static final Session[] SESSIONS = Session.values();

    private final DataSource dataSource;
    private final CalendarService calendars;
    private final Schools roll;

    AttendanceEvaluation(DataSource dataSource, CalendarService calendars, Schools roll) {
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.roll = roll;
    }

    /**
     * The summaries of the school's pupils on roll at some time in the reporting periods, by UPN;
     * refused when the school's calendar cannot serve {@code today}.
     */
    @Transactional(readOnly = true)
    public List<PupilSummary> evaluateSchool(Long schoolId, LocalDate today) {
        List<PupilSummary> summaries = new ArrayList<>();
        evaluate(schoolId, today, new SchoolSummaries() {
            @Override
            public void evaluated(Long school, List<PupilSummary> ofSchool) {
                summaries.addAll(ofSchool);
            }

            @Override
            public void failed(Long school, RuntimeException reason) {
                throw reason;
            }
        }, (connection, select, sink) -> MarkCopy.read(connection.unwrap(PGConnection.class), select, sink));
        return summaries;
    }

    /**
     * The summaries of the pupils of {@code onlySchool}, or of every school when it is null, handed
     * over a school at a time in the order of the schools' ids, from one pass over the marks of the
     * reporting periods; on PostgreSQL the marks come through {@code copier}.
     */
    void evaluate(Long onlySchool, LocalDate today, SchoolSummaries schools, MarkCopier copier) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Registers registers = registers(onlySchool, today, schools);
            if (registers.pupils.isEmpty()) {
                return;
            }
            readMarks(connection, onlySchool, registers, copier);
            // pupils come by school: each school's summaries are handed over as soon as they are complete
            List<Pupil> pupils = registers.pupils;
            List<PupilSummary> ofSchool = new ArrayList<>();
            for (int i = 0; i < pupils.size(); i++) {
                Pupil pupil = pupils.get(i);
                ofSchool.add(new PupilSummary(pupil.id, pupil.upn, pupil.schoolId,
                        AttendanceCalculator.summary(pupil.register, pupil.periods)));
                if (i + 1 == pupils.size() || pupils.get(i + 1).schoolId != pupil.schoolId) {
                    schools.evaluated(pupil.schoolId, ofSchool);
                    ofSchool = new ArrayList<>();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the register marks: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private record Pupil(long id, String upn, long schoolId, ReportingPeriods periods, PupilRegister register) {
    }

    /** The pupils to evaluate with an empty register each, found by id; the dates whose marks they need. */
    private static final class Registers {
        final List<Pupil> pupils = new ArrayList<>();
        Pupil[] byId = new Pupil[0];
        long firstId;
        LocalDate from;
        LocalDate to;

        PupilRegister of(long pupilId) {
            long index = pupilId - firstId;
            if (index < 0 || index >= byId.length) {
                return null;
            }
            Pupil pupil = byId[(int) index];
            return pupil == null ? null : pupil.register;
        }
    }

    private Registers registers(Long onlySchool, LocalDate today, SchoolSummaries schools) {
        Registers registers = new Registers();
        Map<Long, ReportingPeriods> periodsBySchool = new HashMap<>();
        Map<Long, RuntimeException> failed = new LinkedHashMap<>();
        long lastId = Long.MIN_VALUE;
        long firstId = Long.MAX_VALUE;
        for (RollEntry entry : roll.roll(onlySchool)) {
            ReportingPeriods periods = periods(entry.schoolId(), today, periodsBySchool, failed);
            if (periods == null) {
                continue;
            }
            SchoolDays days = periods.schoolDays();
            if (entry.admission().isAfter(today) || (entry.leaving() != null && entry.leaving().isBefore(days.from()))) {
                continue;
            }
            registers.pupils.add(new Pupil(entry.pupilId(), entry.upn(), entry.schoolId(), periods,
                    new PupilRegister(days, entry.admission(), entry.leaving())));
            firstId = Math.min(firstId, entry.pupilId());
            lastId = Math.max(lastId, entry.pupilId());
            registers.from = registers.from == null || days.from().isBefore(registers.from) ? days.from() : registers.from;
        }
        failed.forEach(schools::failed);
        registers.to = today;
        if (!registers.pupils.isEmpty()) {
            // pupil ids are dense enough for an array: finding a mark's register is one read
            registers.firstId = firstId;
            registers.byId = new Pupil[Math.toIntExact(lastId - firstId + 1)];
            for (Pupil pupil : registers.pupils) {
                registers.byId[(int) (pupil.id - firstId)] = pupil;
            }
        }
        return registers;
    }

    /** The school's periods, or null (and why, in {@code failed}) when its calendar cannot serve today. */
    private ReportingPeriods periods(long schoolId, LocalDate today, Map<Long, ReportingPeriods> periodsBySchool,
                                     Map<Long, RuntimeException> failed) {
        if (failed.containsKey(schoolId)) {
            return null;
        }
        try {
            return periodsBySchool.computeIfAbsent(schoolId, id -> ReportingPeriods.of(calendars.calendarFor(id), today));
        } catch (IllegalStateException e) {
            failed.put(schoolId, new IllegalStateException("school " + schoolId + ": " + e.getMessage(), e));
            return null;
        }
    }

    private void readMarks(Connection connection, Long onlySchool, Registers registers, MarkCopier copier)
            throws SQLException {
        String where = " where mark_date between DATE '" + registers.from + "' and DATE '" + registers.to + "'"
                + (onlySchool == null ? "" : " and pupil_id in (" + registers.pupils.stream().map(p -> String.valueOf(p.id))
                .collect(Collectors.joining(",")) + ")");
        if (!BulkInsert.isPostgres(connection)) {
            try (PreparedStatement query = connection.prepareStatement(
                    "select pupil_id, mark_date, session, code from attendance_mark" + where);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    PupilRegister register = registers.of(rows.getLong(1));
                    if (register != null) {
                        register.mark(rows.getObject(2, LocalDate.class), Session.valueOf(rows.getString(3)),
                                AttendanceCode.fromSymbol(rows.getString(4)));
                    }
                }
            }
            return;
        }
        String select = "select pupil_id, (mark_date - DATE '" + registers.from + "') * 2"
                + " + case when session = 'PM' then 1 else 0 end, code from attendance_mark" + where;
        long fromEpochDay = registers.from.toEpochDay();
        MarkCopy.Sink sink = (pupilId, sessionNumber, code) -> {
            PupilRegister register = registers.of(pupilId);
            if (register != null) {
                register.mark(fromEpochDay + (sessionNumber >> 1), SESSIONS[sessionNumber & 1], code);
            }
        };
        copier.read(connection, select, sink);
    }
}
