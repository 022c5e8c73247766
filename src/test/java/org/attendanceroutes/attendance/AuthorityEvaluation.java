package org.attendanceroutes.attendance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import javax.sql.DataSource;

import org.attendanceroutes.attendance.AttendanceEvaluation.SchoolSummaries;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A whole local authority evaluated at once, as the evaluation benchmark measures it and its test
 * checks it: every school's pupils from one pass over all marks, on PostgreSQL in two COPY streams
 * at once. The application evaluates a school at a time ({@link AttendanceEvaluation#evaluateSchool}).
 */
@Component
class AuthorityEvaluation {

    private final AttendanceEvaluation evaluation;
    private final DataSource dataSource;

    AuthorityEvaluation(AttendanceEvaluation evaluation, DataSource dataSource) {
        this.evaluation = evaluation;
        this.dataSource = dataSource;
    }

    /** The summaries of every school's pupils, handed over a school at a time in the order of the schools' ids. */
    @Transactional(readOnly = true)
    public void evaluateAll(LocalDate today, SchoolSummaries schools) {
        evaluation.evaluate(null, today, schools, (connection, select, sink) -> readInHalves(select, sink));
    }

    /**
     * The whole table in two streams at once, one a half of its pages, so that both cores work:
     * two connections in one snapshot (exported by the first), so a mark that an import rewrites
     * meanwhile is read exactly once.
     */
    private void readInHalves(String select, MarkCopy.Sink sink) throws SQLException {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            String snapshot;
            long half;
            beginRepeatableRead(first);
            try (Statement statement = first.createStatement();
                 ResultSet rows = statement.executeQuery("select pg_export_snapshot(),"
                         + " pg_relation_size('attendance_mark') / current_setting('block_size')::int / 2")) {
                rows.next();
                snapshot = rows.getString(1);
                half = rows.getLong(2);
            }
            beginRepeatableRead(second);
            try (Statement statement = second.createStatement()) {
                statement.execute("set transaction snapshot '" + snapshot + "'");
            }
            FutureTask<Void> secondHalf = new FutureTask<>(() -> {
                MarkCopy.read(second.unwrap(PGConnection.class), select + " and ctid >= '(" + half + ",0)'::tid", sink);
                return null;
            });
            Thread thread = new Thread(secondHalf, "attendance-evaluation-copy");
            thread.start();
            MarkCopy.read(first.unwrap(PGConnection.class), select + " and ctid < '(" + half + ",0)'::tid", sink);
            try {
                secondHalf.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading register marks", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException("could not read register marks", e.getCause());
            }
            first.commit();
            second.commit();
        }
    }

    private static void beginRepeatableRead(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }
}
