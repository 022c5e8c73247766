package org.attendanceroutes.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.Iterator;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file as spreadsheets write them (a quoted value may hold commas, quotes and
 * line breaks), each with the line it starts on in the file, for error messages. A byte order mark
 * at the start and blank lines are skipped; values come without the spaces around them or their
 * quotes.
 */
public final class CsvRows implements Closeable {

    /** The file cannot be read from this line on: its quotes do not pair up, or it is not UTF-8. */
    public static final class UnreadableLineException extends IOException {
        private final int line;

        UnreadableLineException(int line, String message, Throwable cause) {
            super(message, cause);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    // blank lines stay records, so that the parser's line count gives each row its first line
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true).get();
    private static final CSVFormat FORMAT_WITH_COMMENTS = FORMAT.builder().setCommentMarker('#').get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private CSVRecord record;
    private int line;
    /** The parser's line count after the last row: the next row starts on the line after it. */
    private long linesRead;

    private CsvRows(Reader source, CSVFormat format) throws IOException {
        PushbackReader reader = new PushbackReader(source);
        int first = reader.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        records = parser.iterator();
    }

    /** The rows of {@code source}. */
    public static CsvRows of(Reader source) throws IOException {
        return new CsvRows(source, FORMAT);
    }

    /** The rows of {@code source}, where a line starting with {@code #} is a comment. */
    public static CsvRows withComments(Reader source) throws IOException {
        return new CsvRows(source, FORMAT_WITH_COMMENTS);
    }

    /** Moves to the next row that is not blank; false at the end of the file. */
    public boolean next() throws IOException {
        while (true) {
            try {
                if (!records.hasNext()) {
                    return false;
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                throw unreadable(e.getCause());
            }
            line = Math.toIntExact(linesRead + 1 + commentLines(record));
            linesRead = parser.getCurrentLineNumber();
            if (record.size() > 1 || !record.get(0).isBlank()) {
                return true;
            }
        }
    }

    /** The line the row starts on, from 1. */
    public int line() {
        return line;
    }

    /** How many values the row has. */
    public int size() {
        return record.size();
    }

    /** The row's value in column {@code index} (from 0), without spaces around it, inside its quotes or out. */
    public String value(int index) {
        return record.get(index).strip();
    }

    /** Whether the row names the columns of {@code header} (comma-separated), in any case. */
    public boolean hasColumns(String header) {
        String[] columns = header.split(",");
        if (record.size() != columns.length) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            if (!value(i).equalsIgnoreCase(columns[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static long commentLines(CSVRecord record) {
        String comment = record.getComment();
        return comment == null ? 0 : comment.chars().filter(c -> c == '\n').count() + 1;
    }

    private IOException unreadable(IOException cause) {
        if (cause instanceof CharacterCodingException) {
            // Every character before the bad bytes has been read (Utf8Reader hands them over first). The
            // parser then counts the line it is inside, or only the lines before when it stands at a
            // line's start; either way the bad bytes are no earlier than the row it is reading.
            long line = Math.max(linesRead + 1, parser.getCurrentLineNumber());
            return new UnreadableLineException(Math.toIntExact(line),
                    "the file is not UTF-8: bytes on this line are not UTF-8 characters", cause);
        }
        if (cause instanceof CSVException) {
            return new UnreadableLineException(Math.toIntExact(linesRead + 1), "a quoted value on this line is not"
                    + " closed, or something other than a comma follows its closing quote", cause);
        }
        return cause;
    }
}
