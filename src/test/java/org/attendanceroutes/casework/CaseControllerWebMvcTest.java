package org.attendanceroutes.casework;

import static org.attendanceroutes.Problems.problem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The cases API on its own: its answers, and how its refusals and failures come out. */
@ApiWebMvcTest(CaseController.class)
@ExcludeFromProcessCoverage
class CaseControllerWebMvcTest {

    static final String UPN = Upn.of("930000000001");
    static final String UNKNOWN = Upn.of("930000000019");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    InterventionCaseRepository cases;
    @MockitoBean
    CaseEventRepository events;
    @MockitoBean
    TargetRepository targets;
    @MockitoBean
    Schools schools;

    InterventionCase notReferred;

    @BeforeEach
    void aCaseOfAPupil() {
        notReferred = mock(InterventionCase.class);
        when(notReferred.getId()).thenReturn(5L);
        when(notReferred.getPupilId()).thenReturn(7L);
        when(notReferred.getRouteKey()).thenReturn("attendance-action-routes");
        when(notReferred.getStatus()).thenReturn(CaseStatus.OPEN);
        when(notReferred.getOpenedOn()).thenReturn(LocalDate.of(2026, 9, 14));
        when(cases.findById(5L)).thenReturn(Optional.of(notReferred));
        Pupil pupil = mock(Pupil.class);
        when(pupil.getId()).thenReturn(7L);
        when(pupil.getUpn()).thenReturn(UPN);
        when(schools.pupil(7L)).thenReturn(Optional.of(pupil));
        when(schools.pupilWithUpn(UPN)).thenReturn(pupil);
        when(cases.findByPupilIdOrderByOpenedOnDesc(7L)).thenReturn(List.of(notReferred));
    }

    @Test
    void staffReadACaseAndAPupilsCasesByUpn() throws Exception {
        mvc.perform(get("/api/cases/5").with(as("tutors")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.upn").value(UPN))
                .andExpect(jsonPath("$.route").value("attendance-action-routes"))
                .andExpect(jsonPath("$.openedOn").value("2026-09-14"));
        mvc.perform(get("/api/cases").param("upn", UPN).with(as("senco")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(5));
    }

    @Test
    void theLocalAuthorityIsRefusedACaseNotReferredToIt() throws Exception {
        mvc.perform(get("/api/cases/5/events").with(as("local-authority")))
                .andExpect(problem(HttpStatus.FORBIDDEN,
                        "case 5 is not referred to the local authority, so someone may not read it"));
        mvc.perform(get("/api/cases").param("upn", UPN).with(as("local-authority")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$").isEmpty());
    }

    @Test
    void badAndUnknownIdsAndUpnsAreProblemsNamingWhatIsWrong() throws Exception {
        mvc.perform(get("/api/cases/twelve/targets").with(as("tutors")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "id 'twelve' is not a case id (a whole number)"));
        mvc.perform(get("/api/cases/99").with(as("tutors")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "no case 99"));
        mvc.perform(get("/api/cases").param("upn", "A1").with(as("tutors")))
                .andExpect(problem(HttpStatus.BAD_REQUEST, startsWith("query parameter upn: UPN 'A1' has 2 characters")));
        when(schools.pupilWithUpn(UNKNOWN)).thenThrow(new NotFoundException("no pupil with UPN " + UNKNOWN));
        mvc.perform(get("/api/cases").param("upn", UNKNOWN).with(as("tutors")))
                .andExpect(problem(HttpStatus.NOT_FOUND, "no pupil with UPN " + UNKNOWN));
    }

    @Test
    void anUnexpectedFailureIsA500ThatKeepsItsMessageToTheLog() throws Exception {
        when(cases.findById(6L)).thenThrow(new IllegalStateException("connection to db-internal-7 lost"));
        mvc.perform(get("/api/cases/6").with(as("tutors")))
                .andExpect(problem(HttpStatus.INTERNAL_SERVER_ERROR, allOf(startsWith("an unexpected error"),
                        not(containsString("db-internal-7")))))
                .andExpect(jsonPath("$.errorId").isNotEmpty());
    }

    private static RequestPostProcessor as(String group) {
        return user("someone").roles(group);
    }
}
