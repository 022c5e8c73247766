package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.PupilRepository;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.school.Upn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every register mark belongs to a pupil who exists. H2 holds this with a foreign key; PostgreSQL
 * with statement-level triggers that check each statement's marks at once (migration V13_1), so
 * these tests pin down that both databases refuse the same things, and on PostgreSQL that the
 * triggers also hold against a concurrent delete, a renumbering and a truncate.
 */
@SpringBootTest
class MarkPupilIntegrityTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 7);

    @Autowired
    TestSchools testSchools;
    @Autowired
    PupilRepository pupils;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;

    Pupil pupil;
    long nobody;

    @BeforeEach
    void setUp() {
        // no contacts: a delete of this pupil is refused for its marks or not at all
        pupil = pupil("910401000001", "Integrity");
        jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
        nobody = jdbc.queryForObject("select max(id) + 1000 from pupil", Long.class);
    }

    @AfterEach
    void removeMarks() {
        jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
    }

    @Test
    void aMarkForAPupilWhoDoesNotExistIsRefused() {
        assertThatThrownBy(() -> mark(nobody, DAY))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(marksOf(nobody)).isZero();
    }

    @Test
    void aBulkWriteWithOneUnknownPupilAmongGoodOnesWritesNothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try (BulkInsert insert = BulkInsert.into(connection, "attendance_mark", "pupil_id", "mark_date", "session", "code")) {
                insert.add(pupil.getId(), DAY, "AM", "/");
                insert.add(nobody, DAY, "AM", "/");
                insert.add(pupil.getId(), DAY, "PM", "/");
                insert.finish();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        })).hasMessageContaining(String.valueOf(nobody));
        assertThat(marksOf(pupil.getId())).isZero();
    }

    @Test
    void aMarkCannotMoveToAPupilWhoDoesNotExist() {
        mark(pupil.getId(), DAY);
        assertThatThrownBy(() -> jdbc.update("update attendance_mark set pupil_id = ? where pupil_id = ?", nobody, pupil.getId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(marksOf(pupil.getId())).isOne();
    }

    @Test
    void aPupilWithMarksCannotBeDeletedAndOneWithoutCan() {
        mark(pupil.getId(), DAY);
        assertThatThrownBy(() -> jdbc.update("delete from pupil where id = ?", pupil.getId()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from pupil where id = ?", Long.class, pupil.getId())).isOne();
        assertThat(marksOf(pupil.getId())).isOne();

        transaction.executeWithoutResult(status -> {
            jdbc.update("delete from attendance_mark where pupil_id = ?", pupil.getId());
            assertThat(jdbc.update("delete from pupil where id = ?", pupil.getId())).isOne();
            status.setRollbackOnly();
        });
    }

    @Test
    void onPostgresAPupilWithMarksKeepsItsIdAndCannotBeTruncated() {
        assumePostgres();
        mark(pupil.getId(), DAY);
        assertThatThrownBy(() -> jdbc.update("update pupil set id = ? where id = ?", nobody, pupil.getId()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cannot change");
        // rolled back whatever happens: were the trigger missing, this would empty the test database
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            assertThatThrownBy(() -> jdbc.execute("truncate pupil cascade"))
                    .hasMessageContaining("truncate attendance_mark first");
        });
        assertThat(marksOf(pupil.getId())).isOne();
    }

    @Test
    void onPostgresAPupilIsDeletedOnlyInReadCommitted() {
        assumePostgres();
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            jdbc.execute("set transaction isolation level repeatable read");
            assertThatThrownBy(() -> jdbc.update("delete from pupil where id = ?", pupil.getId()))
                    .hasMessageContaining("READ COMMITTED").hasMessageContaining("repeatable read");
        });
    }

    @Test
    void onPostgresADeleteWaitingForAnImportFailsOnceTheImportCommitsItsMarks() throws Exception {
        assumePostgres();
        try (Connection importing = dataSource.getConnection()) {
            importing.setAutoCommit(false);
            insertMark(importing, pupil.getId());
            CompletableFuture<Void> delete = CompletableFuture.runAsync(() -> jdbc.update("delete from pupil where id = ?", pupil.getId()));
            // the delete waits for the lock the import's check took on the pupil
            Thread.sleep(300);
            assertThat(delete).isNotDone();
            importing.commit();
            assertThatThrownBy(() -> delete.get(10, TimeUnit.SECONDS)).hasMessageContaining("has register marks");
        }
        assertThat(marksOf(pupil.getId())).isOne();
    }

    @Test
    void onPostgresAnImportWaitingForADeleteFailsOnceTheDeleteCommits() throws Exception {
        assumePostgres();
        Pupil doomed = pupil("910401000002", "Deleted");
        try (Connection deleting = dataSource.getConnection()) {
            deleting.setAutoCommit(false);
            try (PreparedStatement delete = deleting.prepareStatement("delete from pupil where id = ?")) {
                delete.setLong(1, doomed.getId());
                assertThat(delete.executeUpdate()).isOne();
            }
            CompletableFuture<Void> insert = CompletableFuture.runAsync(() -> mark(doomed.getId(), DAY));
            Thread.sleep(300);
            assertThat(insert).isNotDone();
            deleting.commit();
            assertThatThrownBy(() -> insert.get(10, TimeUnit.SECONDS)).hasMessageContaining(String.valueOf(doomed.getId()));
        }
        assertThat(marksOf(doomed.getId())).isZero();
    }

    private Pupil pupil(String twelveDigits, String firstName) {
        School school = testSchools.school("910401");
        return pupils.findByUpn(Upn.of(twelveDigits)).orElseGet(() -> pupils.save(new Pupil(school, Upn.of(twelveDigits),
                firstName, "Pupil", LocalDate.of(2014, 5, 1), 7, "7A", LocalDate.of(2026, 9, 1))));
    }

    private void assumePostgres() {
        assumeTrue(jdbc.execute((Connection connection) -> BulkInsert.isPostgres(connection)), "PostgreSQL's triggers");
    }

    private void mark(long pupilId, LocalDate day) {
        jdbc.update("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, 'AM', '/')", pupilId, day);
    }

    private static void insertMark(Connection connection, long pupilId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into attendance_mark (pupil_id, mark_date, session, code) values (?, ?, 'AM', '/')")) {
            insert.setLong(1, pupilId);
            insert.setObject(2, DAY);
            insert.executeUpdate();
        }
    }

    private long marksOf(long pupilId) {
        return jdbc.queryForObject("select count(*) from attendance_mark where pupil_id = ?", Long.class, pupilId);
    }
}
