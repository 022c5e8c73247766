package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.TestSchools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Register marks through PostgreSQL's binary COPY, both ways ({@link MarkCopy}): what the
 * inserter writes is what a plain query reads, and what the COPY reader gives back, for every
 * code, both sessions and dates on both sides of both epochs (Java's 1970 and PostgreSQL's 2000)
 * and at the ends of four-digit years. PostgreSQL only: elsewhere the inserter is batched INSERTs
 * and nothing reads by COPY.
 */
@SpringBootTest
class MarkCopyTest {

    static final AttendanceCode[] CODES = AttendanceCode.values();
    /** More rows than fit in one of the writer's or the reader's buffers. */
    static final int DAYS = 11_000;
    static final LocalDate FIRST_DAY = LocalDate.of(1969, 12, 1);
    static final List<LocalDate> EDGES = List.of(LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31));

    @Autowired
    TestSchools testSchools;
    @Autowired
    JdbcTemplate jdbc;

    Pupil pupil;

    record Mark(long pupilId, LocalDate date, Session session, AttendanceCode code) {
        static final Comparator<Mark> BY_SESSION = Comparator.comparing(Mark::date).thenComparing(Mark::session);
    }

    @BeforeEach
    void setUp() {
        assumeTrue(jdbc.execute((Connection connection) -> BulkInsert.isPostgres(connection)), "PostgreSQL's binary COPY");
        pupil = testSchools.pupil(testSchools.school("910601"), "910601000001", FIRST_DAY, null);
        testSchools.clearMarks(pupil);
    }

    @AfterEach
    void removeMarks() {
        if (pupil != null) {
            testSchools.clearMarks(pupil);
        }
    }

    /** Both sessions of every day from FIRST_DAY, and of the edges, the codes in turn; by date and session. */
    List<Mark> marks() {
        List<LocalDate> days = new ArrayList<>(EDGES);
        for (int day = 0; day < DAYS; day++) {
            days.add(FIRST_DAY.plusDays(day));
        }
        List<Mark> marks = new ArrayList<>();
        for (LocalDate day : days) {
            for (Session session : Session.values()) {
                marks.add(new Mark(pupil.getId(), day, session, CODES[marks.size() % CODES.length]));
            }
        }
        marks.sort(Mark.BY_SESSION);
        return marks;
    }

    @Test
    void marksWrittenByBinaryCopyAreThoseAQueryAndTheCopyReaderGiveBack() {
        List<Mark> written = marks();
        jdbc.execute((Connection connection) -> {
            try (MarkCopy.Inserter insert = MarkCopy.inserter(connection)) {
                for (Mark mark : written) {
                    insert.add(mark.pupilId(), mark.date().toEpochDay(), mark.session(), mark.code());
                }
                insert.finish();
            }
            return null;
        });

        List<Mark> queried = jdbc.query("select pupil_id, mark_date, session, code from attendance_mark"
                + " where pupil_id = ? order by mark_date, session", (row, number) -> new Mark(row.getLong(1),
                row.getObject(2, LocalDate.class), Session.valueOf(row.getString(3)), AttendanceCode.fromSymbol(row.getString(4))),
                pupil.getId());
        assertThat(written).hasSize(2 * (DAYS + EDGES.size()));
        assertThat(written).extracting(Mark::code).containsAll(List.of(CODES));
        assertThat(queried).isEqualTo(written);

        LocalDate from = EDGES.get(0);
        List<Mark> copied = new ArrayList<>();
        jdbc.execute((Connection connection) -> {
            MarkCopy.read(connection.unwrap(PGConnection.class), "select pupil_id, (mark_date - DATE '" + from + "') * 2"
                    + " + case when session = 'PM' then 1 else 0 end, code from attendance_mark where pupil_id = "
                    + pupil.getId(), (pupilId, sessionNumber, code) -> copied.add(new Mark(pupilId,
                    from.plusDays(sessionNumber >> 1), Session.values()[sessionNumber & 1], code)));
            return null;
        });
        copied.sort(Mark.BY_SESSION);
        assertThat(copied).isEqualTo(written);
    }
}
