package org.attendanceroutes.calendar;

import java.io.BufferedReader;
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

/**
 * The calendar file format (CSV, UTF-8), one line a half term or a closure:
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
 * empty for a single day. Blank lines and lines starting with {@code #} are ignored.
 * A file with any bad line is refused whole, each error naming its line.
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
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        boolean headerSeen = false;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                headerSeen = true;
                if (!trimmed.replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
                    errors.add("line " + number + ": the header must be '" + HEADER + "'");
                    break;
                }
                continue;
            }
            parseLine(number, trimmed, halfTerms, closures, errors);
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

    private static void parseLine(int number, String line, List<HalfTermSpan> halfTerms,
                                  Map<LocalDate, Closure> closures, List<String> errors) {
        String[] cells = line.split(",", -1);
        if (cells.length < 4 || cells.length > 5) {
            errors.add("line " + number + ": expected 5 columns (" + HEADER + "), found " + cells.length);
            return;
        }
        String year = cells[0].strip();
        String kind = cells[1].strip().toUpperCase();
        String description = cells.length == 5 ? cells[4].strip() : "";
        if (!year.matches("\\d{4}-\\d{2}")) {
            errors.add("line " + number + ": academic year '" + year + "' is not of the form 2026-27");
            return;
        }
        LocalDate start = date(number, "start", cells[2].strip(), errors);
        LocalDate end = cells[3].isBlank() ? start : date(number, "end", cells[3].strip(), errors);
        if (start == null || end == null) {
            return;
        }
        if (end.isBefore(start)) {
            errors.add("line " + number + ": end " + end + " is before start " + start);
            return;
        }
        if (kind.matches("(AUTUMN|SPRING|SUMMER)_[12]")) {
            if (cells[3].isBlank()) {
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
            errors.add("line " + number + ": unknown kind '" + cells[1].strip()
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
