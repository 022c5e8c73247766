package org.attendanceroutes.calendar;

import static org.attendanceroutes.Problems.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.security.ApiWebMvcTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A school's calendar over HTTP on its own: reading and replacing it, and the problems of a bad file or school. */
@ApiWebMvcTest(CalendarController.class)
@ExcludeFromProcessCoverage
class CalendarControllerWebMvcTest {

    static final RequestPostProcessor OFFICER = user("officer").roles("attendance-officers");
    static final String AUTUMN = """
            academic_year,kind,start,end,description
            2026-27,AUTUMN_1,2026-09-01,2026-10-23,
            2026-27,INSET_DAY,2026-09-01,2026-09-02,Staff training
            """;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Schools schools;
    @MockitoBean
    CalendarService calendars;

    @BeforeEach
    void aSchool() {
        School school = mock(School.class);
        when(school.getId()).thenReturn(11L);
        when(schools.withUrn("940002")).thenReturn(school);
    }

    @Test
    void aFileReplacesTheYearsItHoldsAndTheCalendarIsAnsweredAsJson() throws Exception {
        when(calendars.calendarFor(11L)).thenReturn(CalendarFile.parse(new StringReader(AUTUMN)).toSchoolCalendar());

        mvc.perform(put("/api/schools/940002/calendar").with(OFFICER).contentType("text/csv").content(AUTUMN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.halfTerms[0].term").value("AUTUMN"))
                .andExpect(jsonPath("$.halfTerms[0].schoolDays").value(37))
                .andExpect(jsonPath("$.closures[0].kind").value("INSET_DAY"));
        verify(calendars).replaceYears(eq(11L), any(CalendarFile.class));
    }

    @Test
    void aBadFileIsAProblemListingEveryBadLineAndChangesNothing() throws Exception {
        mvc.perform(put("/api/schools/940002/calendar").with(OFFICER).contentType("text/csv").content("""
                        academic_year,kind,start,end,description
                        2026-27,AUTUMN_1,2026-09-01,2026-10-23,
                        2026-27,INSET_DAY,2026-13-01,,oops
                        2026-27,HOLIDAY,2026-10-01,,
                        """))
                .andExpect(problem(HttpStatus.BAD_REQUEST, startsWith("the calendar file has 2 error(s): line 3: ")))
                .andExpect(jsonPath("$.errors[0]").value(startsWith("line 3: start '2026-13-01' is not a date")))
                .andExpect(jsonPath("$.errors[1]").value(startsWith("line 4: ")));
        verifyNoInteractions(calendars);
    }

    @Test
    void anUnknownSchoolIsNotFoundAndOneWithoutACalendarSaysSo() throws Exception {
        when(schools.withUrn("999999")).thenThrow(new NotFoundException("no school with URN 999999"));
        mvc.perform(get("/api/schools/999999/calendar").with(OFFICER))
                .andExpect(problem(HttpStatus.NOT_FOUND, "no school with URN 999999"));

        when(calendars.calendarFor(11L)).thenThrow(
                new ConflictException("school 940002 has no calendar loaded: load its calendar file first"));
        mvc.perform(get("/api/schools/940002/calendar").with(OFFICER))
                .andExpect(problem(HttpStatus.CONFLICT, "school 940002 has no calendar loaded: load its calendar file first"));
    }

    @Test
    void changesAreForRegisterMaintainersAndOnlyAsAFile() throws Exception {
        mvc.perform(put("/api/schools/940002/calendar").with(user("slt").roles("slt")).contentType("text/csv").content(AUTUMN))
                .andExpect(problem(HttpStatus.FORBIDDEN, startsWith("user slt may not PUT /api/schools/940002/calendar")));
        mvc.perform(put("/api/schools/940002/calendar").with(OFFICER).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/json' is not supported."));
        verifyNoInteractions(calendars);
    }
}
