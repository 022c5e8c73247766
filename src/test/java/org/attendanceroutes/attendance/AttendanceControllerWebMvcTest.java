package org.attendanceroutes.attendance;

import static org.attendanceroutes.Problems.problem;
import static org.attendanceroutes.attendance.TestRegisters.CALENDAR;
import static org.attendanceroutes.attendance.TestRegisters.date;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.ConflictException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Upn;
import org.attendanceroutes.security.ApiWebMvcTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A pupil's figures over HTTP on their own: the answer, and the problems of bad parameters and data. */
@ApiWebMvcTest(AttendanceController.class)
@ExcludeFromProcessCoverage
class AttendanceControllerWebMvcTest {

    static final String UPN = Upn.of("940000000001");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    Schools schools;
    @MockitoBean
    AttendanceService attendance;

    @BeforeEach
    void aPupil() {
        Pupil pupil = mock(Pupil.class);
        when(pupil.getId()).thenReturn(7L);
        when(schools.pupilWithUpn(UPN)).thenReturn(pupil);
    }

    @Test
    void answersWithTheFiguresOfTheRangeAndTheSummary() throws Exception {
        PupilRegister register = new PupilRegister(ReportingPeriods.of(CALENDAR, date("2026-11-20")).schoolDays(),
                date("2026-09-01"), null);
        TestRegisters.markEveryDay(register, "2026-09-03", "2026-11-20", "/ \\");
        when(attendance.figures(7L, date("2026-09-07"), date("2026-09-11")))
                .thenReturn(AttendanceCalculator.figures(register, date("2026-09-07"), date("2026-09-11"), date("2026-11-20")));
        when(attendance.summary(any(), any()))
                .thenReturn(AttendanceCalculator.summary(register, ReportingPeriods.of(CALENDAR, date("2026-11-20"))));

        mvc.perform(figures(UPN, "from=2026-09-07", "to=2026-09-11"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upn").value(UPN))
                .andExpect(jsonPath("$.range.possibleSessions").value(10))
                .andExpect(jsonPath("$.range.attendancePercent").value(100.0))
                .andExpect(jsonPath("$.summary.currentHalfTermName").value("Autumn 2 2026-27"));
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        mvc.perform(figures("X123", "from=2026-09-07", "to=2026-09-11"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "UPN 'X123' has 4 characters, not 13"));
        mvc.perform(figures(UPN, "from=2026-13-01", "to=2026-09-11"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "from: '2026-13-01' is not a date (YYYY-MM-DD)"));
        mvc.perform(figures(UPN, "from=2026-09-07"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "to is required (a date, YYYY-MM-DD)"));
        when(attendance.figures(7L, date("2026-09-11"), date("2026-09-07")))
                .thenThrow(new BadInputException("to (2026-09-07) is before from (2026-09-11)"));
        mvc.perform(figures(UPN, "from=2026-09-11", "to=2026-09-07"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "to (2026-09-07) is before from (2026-09-11)"));
    }

    @Test
    void anUnknownPupilIsNotFoundAndACalendarThatEndsTooSoonIsAConflict() throws Exception {
        String unknown = Upn.of("940000000002");
        when(schools.pupilWithUpn(unknown)).thenThrow(new NotFoundException("no pupil with UPN " + unknown));
        mvc.perform(figures(unknown, "from=2026-09-07", "to=2026-09-11"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "no pupil with UPN " + unknown));

        when(attendance.summary(any(), any())).thenThrow(new ConflictException(
                "the school calendar ends on 2027-07-21 and does not reach 2027-09-01: load the next academic year's calendar"));
        mvc.perform(figures(UPN, "from=2026-09-07", "to=2026-09-11"))
                .andExpect(problem(HttpStatus.CONFLICT, "the school calendar ends on 2027-07-21 and does not reach"
                        + " 2027-09-01: load the next academic year's calendar"));
    }

    private static MockHttpServletRequestBuilder figures(String upn, String... parameters) {
        return get("/api/pupils/" + upn + "/attendance?" + String.join("&", parameters))
                .with(user("officer").roles("attendance-officers"));
    }
}
