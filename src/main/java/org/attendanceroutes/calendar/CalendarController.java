package org.attendanceroutes.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A school's calendar over HTTP: read it as JSON, or replace academic years with a calendar file
 * (the CSV format in the README). A file with any bad line changes nothing, and the answer (400)
 * lists every bad line.
 */
@RestController
@RequestMapping("/api/schools/{urn}/calendar")
class CalendarController {

    private final Schools schools;
    private final CalendarService calendars;

    CalendarController(Schools schools, CalendarService calendars) {
        this.schools = schools;
        this.calendars = calendars;
    }

    record HalfTermView(String academicYear, Term term, int half, LocalDate start, LocalDate end, int schoolDays) {
    }

    record ClosureView(LocalDate date, ClosureKind kind) {
    }

    record CalendarView(String urn, List<HalfTermView> halfTerms, List<ClosureView> closures) {
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    CalendarView read(@PathVariable String urn) {
        School school = schools.withUrn(urn);
        SchoolCalendar calendar = calendars.calendarFor(school.getId());
        return new CalendarView(urn,
                calendar.halfTerms().stream().map(h -> new HalfTermView(h.academicYear(), h.term(), h.half(),
                        h.start(), h.end(), calendar.schoolDaysBetween(h.start(), h.end()))).toList(),
                calendar.closures().entrySet().stream().map(e -> new ClosureView(e.getKey(), e.getValue())).toList());
    }

    @PutMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    CalendarView replace(@PathVariable String urn, @RequestBody String csv) throws IOException {
        School school = schools.withUrn(urn);
        calendars.replaceYears(school.getId(), CalendarFile.parse(new StringReader(csv)));
        return read(urn);
    }

}
