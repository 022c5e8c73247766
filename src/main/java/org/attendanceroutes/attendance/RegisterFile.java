package org.attendanceroutes.attendance;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.attendanceroutes.csv.CsvRows;
import org.attendanceroutes.school.Upn;

/**
 * A register file (CSV, UTF-8), one mark a row under the header {@code upn,date,session,code},
 * read and checked on its own: each row's UPN, ISO date, AM or PM and a code in force, and each
 * session once. Values may be quoted as spreadsheets do ({@code "A801400126001","2026-09-03"}).
 * The well-formed rows are kept one array a column, their UPNs numbered in the order first met;
 * every error goes to the {@link ImportErrors} with the line its row starts on.
 */
final class RegisterFile {

    static final String HEADER = "upn,date,session,code";

    private static final Session[] SESSIONS = Session.values();
    private static final AttendanceCode[] CODES = AttendanceCode.values();
    /** Keeps epoch days of 4-digit years positive in a session's key. */
    private static final long DAY_OFFSET = 719_528;

    private final List<String> upns = new ArrayList<>();
    private final Map<String, Integer> upnNumbers = new HashMap<>();
    private int size;
    private int[] line = new int[1024];
    private int[] pupil = new int[1024];
    private long[] epochDay = new long[1024];
    private byte[] session = new byte[1024];
    private byte[] code = new byte[1024];
    private long firstDay = Long.MAX_VALUE;
    private long lastDay = Long.MIN_VALUE;
    private SessionIndex sessions;

    private RegisterFile() {
    }

    /**
     * The well-formed rows of {@code csv}; the errors go to {@code errors}, those of the rows and then
     * those of repeated sessions (a check of the well-formed rows).
     */
    static RegisterFile read(Reader csv, ImportErrors errors) throws IOException {
        RegisterFile file = new RegisterFile();
        file.parse(csv, errors);
        errors.nextPhase();
        file.findRepeatedSessions(errors);
        return file;
    }

    /** How many well-formed rows the file has. */
    int size() {
        return size;
    }

    /** The line the row starts on. */
    int line(int row) {
        return line[row];
    }

    /** The file's UPNs, each once, in the order first met: a row's pupil is its index here. */
    List<String> upns() {
        return upns;
    }

    /** The number of the UPN, its index in {@link #upns()}. */
    int upnNumber(String upn) {
        return upnNumbers.get(upn);
    }

    /** The row's pupil: the number of its UPN. */
    int pupil(int row) {
        return pupil[row];
    }

    long epochDay(int row) {
        return epochDay[row];
    }

    Session session(int row) {
        return SESSIONS[session[row]];
    }

    AttendanceCode code(int row) {
        return CODES[code[row]];
    }

    /** The first and last date of the rows, as epoch days. */
    long firstDay() {
        return firstDay;
    }

    long lastDay() {
        return lastDay;
    }

    /** The row of the pupil's (UPN number's) session, or -1. */
    int rowOf(int pupilNumber, long day, Session inSession) {
        return sessions.get(key(pupilNumber, day, inSession.ordinal()));
    }

    private static long key(int pupil, long epochDay, int session) {
        return ((long) pupil << 32) | ((epochDay + DAY_OFFSET) << 1) | session;
    }

    private void parse(Reader csv, ImportErrors errors) throws IOException {
        Map<String, String> upnProblems = new HashMap<>();
        Map<String, Long> days = new HashMap<>();
        boolean header = false;
        try (CsvRows rows = CsvRows.of(csv)) {
            while (rows.next()) {
                if (!header) {
                    if (!rows.hasColumns(HEADER)) {
                        errors.add(rows.line(), "the first line must be the header '" + HEADER + "'");
                        return;
                    }
                    header = true;
                    continue;
                }
                parseRow(rows, upnProblems, days, errors);
            }
        } catch (CsvRows.UnreadableLineException e) {
            errors.add(e.line(), e.getMessage());
            return;
        }
        if (!header) {
            errors.add(1, "the file is empty: it needs the header '" + HEADER + "' and a row for each mark");
        }
    }

    private void parseRow(CsvRows row, Map<String, String> upnProblems, Map<String, Long> days, ImportErrors errors) {
        int number = row.line();
        if (row.size() != 4) {
            errors.add(number, "expected 4 columns (" + HEADER + "), found " + row.size());
            return;
        }
        String upn = row.value(0);
        String dateText = row.value(1);
        String sessionText = row.value(2);
        String symbol = row.value(3);
        boolean good = true;
        String problem = upnNumbers.containsKey(upn) ? null : upnProblems.computeIfAbsent(upn, Upn::problem);
        if (problem != null) {
            errors.add(number, problem);
            good = false;
        }
        Long day = days.computeIfAbsent(dateText, RegisterFile::epochDay);
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

    private void findRepeatedSessions(ImportErrors errors) {
        sessions = new SessionIndex(size);
        for (int row = 0; row < size; row++) {
            int first = sessions.putIfAbsent(key(pupil[row], epochDay[row], session[row]), row);
            if (first >= 0) {
                errors.add(line[row], "UPN " + upns.get(pupil[row]) + ", " + LocalDate.ofEpochDay(epochDay[row]) + " "
                        + SESSIONS[session[row]] + " is already on line " + line[first]);
            }
        }
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
