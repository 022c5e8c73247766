package org.attendanceroutes.calendar;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.csv.CsvRows;

/**
 * The calendar file format (CSV, UTF-8), one row a half term or a closure:
 *
 * <pre>
 * academic_year,kind,start,end,description
 * 2026-27,AUTUMN_1,2026-09-01,2026-10-23,
 * 2026-27,INSET_DAY,2026-09-01,,Staff training
 * 2026-27,CLOSURE,2027-02-08,2027-02-09,Boiler replacement
 * </pre>
 *
 * {@code kind} is a half term ({@code AUTUMN_1} ... {@code SUMMER_2}) or a closure
 * ({@code INSET_DAY}, {@code BANK_HOLIDAY}, {@code CLOSURE}); a closure's {@code end} may be left
 * empty for a single day. A value holding a comma is quoted, as spreadsheets do:
 * {@code 2026-27,CLOSURE,2026-12-07,,"Boiler repair, heating off"}. Blank lines and lines starting
 * with {@code #} are ignored. A file with any bad line is refused whole, each error naming its line.
 */
public record CalendarFile(List<HalfTermSpan> halfTerms, Map<LocalDate, Closure> closures) {

    public static final String HEADER = "academic_year,kind,start,end,description";

    public record Closure(ClosureKind kind, String description) {
    }

    /** Every bad line of the file: the API answers with them as {@code errors}. */
    public static class InvalidCalendarException extends BadInputException {
        private final List<String> errors;

        public InvalidCalendarException(List<String> errors) {
            super("the calendar file has " + errors.size() + " error(s): " + String.join("; ", errors));
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("errors", errors);
        }
    }

    /** The academic years this file describes, for example "2026-27". */
    public Set<String> academicYears() {
        Set<String> years = new TreeSet<>();
        halfTerms.forEach(h -> years.add(h.academicYear()));
        return years;
    }

    public SchoolCalendar toSchoolCalendar() {
        Map<LocalDate, ClosureKind> kinds = new LinkedHashMap<>();
        closures.forEach((date, closure) -> kinds.put(date, closure.kind()));
        return new SchoolCalendar(halfTerms, kinds);
    }

    public static CalendarFile parse(Reader source) throws IOException {
        List<String> errors = new ArrayList<>();
        List<HalfTermSpan> halfTerms = new ArrayList<>();
        Map<LocalDate, Closure> closures = new LinkedHashMap<>();
        boolean headerSeen = false;
        try (CsvRows rows = CsvRows.withComments(source)) {
            while (rows.next()) {
                if (!headerSeen) {
                    headerSeen = true;
                    if (!rows.hasColumns(HEADER)) {
                        errors.add("line " + rows.line() + ": the header must be '" + HEADER + "'");
                        break;
                    }
                    continue;
                }
                parseLine(rows, halfTerms, closures, errors);
            }
        } catch (CsvRows.UnreadableLineException e) {
            errors.add("line " + e.line() + ": " + e.getMessage());
        }
        if (!headerSeen) {
            errors.add("the file is empty: it needs the header '" + HEADER + "' and at least one half term");
        }
        if (errors.isEmpty() && halfTerms.isEmpty()) {
            errors.add("the file has no half term (AUTUMN_1 ... SUMMER_2)");
        }
        if (errors.isEmpty()) {
            try {
                // the calendar's own checks: half terms must not overlap
                new SchoolCalendar(halfTerms, Map.of());
            } catch (IllegalArgumentException overlap) {
                errors.add(overlap.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCalendarException(errors);
        }
        return new CalendarFile(List.copyOf(halfTerms), closures);
    }

    private static void parseLine(CsvRows row, List<HalfTermSpan> halfTerms, Map<LocalDate, Closure> closures,
                                  List<String> errors) {
        int number = row.line();
        if (row.size() < 4 || row.size() > 5) {
            errors.add("line " + number + ": expected 5 columns (" + HEADER + "), found " + row.size());
            return;
        }
        String year = row.value(0);
        String kindText = row.value(1);
        String kind = kindText.toUpperCase();
        String endText = row.value(3);
        String description = row.size() == 5 ? row.value(4) : "";
        if (!year.matches("\\d{4}-\\d{2}")) {
            errors.add("line " + number + ": academic year '" + year + "' is not of the form 2026-27");
            return;
        }
        LocalDate start = date(number, "start", row.value(2), errors);
        LocalDate end = endText.isEmpty() ? start : date(number, "end", endText, errors);
        if (start == null || end == null) {
            return;
        }
        if (end.isBefore(start)) {
            errors.add("line " + number + ": end " + end + " is before start " + start);
            return;
        }
        if (kind.matches("(AUTUMN|SPRING|SUMMER)_[12]")) {
            if (endText.isEmpty()) {
                errors.add("line " + number + ": half term " + kind + " needs an end date");
                return;
            }
            halfTerms.add(new HalfTermSpan(year, Term.valueOf(kind.substring(0, kind.length() - 2)),
                    kind.charAt(kind.length() - 1) - '0', start, end));
            return;
        }
        ClosureKind closureKind;
        try {
            closureKind = ClosureKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            errors.add("line " + number + ": unknown kind '" + kindText
                    + "'; use AUTUMN_1 ... SUMMER_2, INSET_DAY, BANK_HOLIDAY or CLOSURE");
            return;
        }
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            if (closures.put(d, new Closure(closureKind, description)) != null) {
                errors.add("line " + number + ": " + d + " is already listed as a closure");
            }
        }
    }

    private static LocalDate date(int number, String column, String text, List<String> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add("line " + number + ": " + column + " '" + text + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }
}
