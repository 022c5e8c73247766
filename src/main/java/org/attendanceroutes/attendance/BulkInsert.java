package org.attendanceroutes.attendance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Inserts many rows into one table fast: through PostgreSQL's COPY when the connection is
 * PostgreSQL's, through batched INSERTs elsewhere (H2, for the demo and the tests). Values may
 * be numbers, strings, booleans, {@link java.time.LocalDate}s or null.
 *
 * <p>Works on the caller's connection and transaction: nothing is committed here. Call
 * {@link #finish()} to write the last rows; closing without it abandons a COPY.
 */
public abstract sealed class BulkInsert implements AutoCloseable {

    /** A writer of rows into {@code table}'s {@code columns}, in that order. */
    public static BulkInsert into(Connection connection, String table, String... columns) throws SQLException {
        return connection.isWrapperFor(PGConnection.class)
                ? new Copy(connection.unwrap(PGConnection.class), table, columns)
                : new Batch(connection, table, columns);
    }

    /** Whether this connection gets PostgreSQL's fast paths. */
    public static boolean isPostgres(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    protected long rows;

    public abstract void add(Object... values) throws SQLException;

    /** Writes what is left and returns how many rows were written. */
    public abstract long finish() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    private static final class Copy extends BulkInsert {
        private static final int FLUSH_AT = 1 << 16;
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);

        Copy(PGConnection connection, String table, String[] columns) throws SQLException {
            this.copy = connection.getCopyAPI().copyIn(
                    "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)");
        }

        @Override
        public void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object value = values[i];
                if (value instanceof String text) {
                    // quoted, so that an empty string is not read as NULL (an unquoted empty field)
                    buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else if (value != null) {
                    buffer.append(value);
                }
            }
            buffer.append('\n');
            rows++;
            if (buffer.length() >= FLUSH_AT) {
                flush();
            }
        }

        private void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }

        @Override
        public long finish() throws SQLException {
            flush();
            return copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static final class Batch extends BulkInsert {
        private static final int BATCH = 1000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, String table, String[] columns) throws SQLException {
            this.insert = connection.prepareStatement("insert into " + table + " (" + String.join(", ", columns)
                    + ") values (" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")");
        }

        @Override
        public void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.addBatch();
            rows++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public long finish() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            return rows;
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
