package org.attendanceroutes.attendance;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Register marks out of and into PostgreSQL through binary COPY, millions of rows without a
 * string or a date object for each, and nothing for PostgreSQL to parse. Out: the query gives each
 * mark as pupil id (bigint), session number (integer: days after a first date x 2, + 1 for PM) and
 * code (text). In: {@link #inserter} writes {@code attendance_mark} rows.
 */
final class MarkCopy {

    /** Inserts register marks into {@code attendance_mark}, on the caller's connection and transaction. */
    interface Inserter extends AutoCloseable {

        void add(long pupilId, long epochDay, Session session, AttendanceCode code) throws SQLException;

        /** Writes what is left; closing without it abandons the insert. */
        void finish() throws SQLException;

        @Override
        void close() throws SQLException;
    }

    /** Binary COPY on PostgreSQL; elsewhere (H2) batched INSERTs. */
    static Inserter inserter(Connection connection) throws SQLException {
        if (BulkInsert.isPostgres(connection)) {
            return new BinaryInserter(connection.unwrap(PGConnection.class));
        }
        BulkInsert insert = BulkInsert.into(connection, "attendance_mark", "pupil_id", "mark_date", "session", "code");
        return new Inserter() {
            @Override
            public void add(long pupilId, long epochDay, Session session, AttendanceCode code) throws SQLException {
                insert.add(pupilId, LocalDate.ofEpochDay(epochDay), session.name(), code.symbol());
            }

            @Override
            public void finish() throws SQLException {
                insert.finish();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }

    /** Where the marks go. */
    @FunctionalInterface
    interface Sink {
        void mark(long pupilId, int sessionNumber, AttendanceCode code);
    }

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** The codes by their one or two ASCII characters: {@code first * 128 + second}, second 0 for one. */
    private static final AttendanceCode[] CODES_BY_CHARACTERS = new AttendanceCode[128 * 128];

    static {
        for (AttendanceCode code : AttendanceCode.values()) {
            String symbol = code.symbol();
            CODES_BY_CHARACTERS[symbol.charAt(0) * 128 + (symbol.length() > 1 ? symbol.charAt(1) : 0)] = code;
        }
    }

    private static final class BinaryInserter implements Inserter {
        /** PostgreSQL counts dates in days from 2000-01-01. */
        private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
        private static final byte[][] SESSION_BYTES = Arrays.stream(Session.values())
                .map(session -> session.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        private static final byte[][] CODE_BYTES = Arrays.stream(AttendanceCode.values())
                .map(code -> code.symbol().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        /** Room for a whole row: the field count, four lengths, a bigint, a date and two short strings. */
        private static final int ROW_AT_MOST = 64;

        private final CopyIn copy;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        BinaryInserter(PGConnection connection) throws SQLException {
            copy = connection.getCopyAPI().copyIn(
                    "COPY attendance_mark (pupil_id, mark_date, session, code) FROM STDIN (FORMAT binary)");
            buffer.put(SIGNATURE).putInt(0).putInt(0); // no flags, no header extension
        }

        @Override
        public void add(long pupilId, long epochDay, Session session, AttendanceCode code) throws SQLException {
            if (buffer.remaining() < ROW_AT_MOST) {
                flush();
            }
            byte[] sessionBytes = SESSION_BYTES[session.ordinal()];
            byte[] codeBytes = CODE_BYTES[code.ordinal()];
            buffer.putShort((short) 4)
                    .putInt(8).putLong(pupilId)
                    .putInt(4).putInt((int) (epochDay - POSTGRES_EPOCH_DAY))
                    .putInt(sessionBytes.length).put(sessionBytes)
                    .putInt(codeBytes.length).put(codeBytes);
        }

        private void flush() throws SQLException {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            buffer.clear();
        }

        @Override
        public void finish() throws SQLException {
            buffer.putShort((short) -1);
            flush();
            copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private final byte[] buffer = new byte[1 << 16];
    private final InputStream in;
    private int position;
    private int limit;

    private MarkCopy(InputStream in) {
        this.in = in;
    }

    /** Runs {@code select} (three columns as above) through COPY and hands each row to {@code sink}. */
    static void read(PGConnection connection, String select, Sink sink) throws SQLException {
        try (PGCopyInputStream in = new PGCopyInputStream(connection, "COPY (" + select + ") TO STDOUT (FORMAT binary)")) {
            new MarkCopy(in).rows(sink);
        } catch (IOException e) {
            throw new SQLException("the COPY of register marks broke off: " + e.getMessage(), e);
        }
    }

    private void rows(Sink sink) throws IOException {
        need(SIGNATURE.length + 8);
        for (byte b : SIGNATURE) {
            if (buffer[position++] != b) {
                throw new IOException("not a binary COPY stream");
            }
        }
        position += 4; // flags
        int extension = readInt();
        need(extension);
        position += extension;
        while (true) {
            need(2);
            short fields = readShort();
            if (fields == -1) {
                return;
            }
            need(4 + 8 + 4 + 4 + 4);
            position += 4;
            long pupilId = readLong();
            position += 4;
            int sessionNumber = readInt();
            int length = readInt();
            need(length);
            sink.mark(pupilId, sessionNumber, code(length));
            position += length;
        }
    }

    private AttendanceCode code(int length) {
        byte first = buffer[position];
        // bytes are signed: anything outside ASCII is negative and looked up nowhere
        AttendanceCode code = length == 1 && first > 0 ? CODES_BY_CHARACTERS[first * 128]
                : length == 2 && first > 0 && buffer[position + 1] > 0 ? CODES_BY_CHARACTERS[first * 128 + buffer[position + 1]]
                : null;
        // anything else is refused with the register's own message
        return code != null ? code : AttendanceCode.fromSymbol(new String(buffer, position, length, StandardCharsets.UTF_8));
    }

    /** Makes at least {@code n} bytes readable from {@code position}. */
    private void need(int n) throws IOException {
        if (limit - position >= n) {
            return;
        }
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
        while (limit < n) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                throw new EOFException("the COPY ended inside a row");
            }
            limit += read;
        }
    }

    private short readShort() {
        short value = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
        position += 2;
        return value;
    }

    private int readInt() {
        int value = ((buffer[position] & 0xff) << 24) | ((buffer[position + 1] & 0xff) << 16)
                | ((buffer[position + 2] & 0xff) << 8) | (buffer[position + 3] & 0xff);
        position += 4;
        return value;
    }

    private long readLong() {
        long high = readInt() & 0xffffffffL;
        return (high << 32) | (readInt() & 0xffffffffL);
    }
}
