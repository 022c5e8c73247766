package org.attendanceroutes.absence;

import static org.attendanceroutes.Problems.problem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.security.ApiWebMvcTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Recording a reason for an absence over HTTP on its own: the routes that received it, and the problems. */
@ApiWebMvcTest(AbsenceReasonController.class)
@ExcludeFromProcessCoverage
class AbsenceReasonControllerWebMvcTest {

    static final String UPN = "A930000000001";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AbsenceReasons reasons;

    @Test
    void theAnswerNamesTheRoutesThatReceivedTheReason() throws Exception {
        when(reasons.received(UPN, "Dentist", true)).thenReturn(List.of("route-instance-1"));
        mvc.perform(reason(UPN, "{\"reason\": \"Dentist\", \"explainsAbsence\": true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explainsAbsence").value(true))
                .andExpect(jsonPath("$.routeInstances[0]").value("route-instance-1"));
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        mvc.perform(reason(UPN, "{\"reason\": \"Dentist\"}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, startsWith("explainsAbsence: say (true or false)")));
        mvc.perform(reason(UPN, "{\"reason\": \"Dentist\", \"explainsAbsence\": \"perhaps\"}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, startsWith("explainsAbsence: 'perhaps' is not true or false (line 1")));
        when(reasons.received(UPN, " ", true)).thenThrow(
                new BadInputException("reason: give the reason the parent or carer gave for the absence"));
        mvc.perform(reason(UPN, "{\"reason\": \" \", \"explainsAbsence\": true}"))
                .andExpect(problem(HttpStatus.BAD_REQUEST, "reason: give the reason the parent or carer gave for the absence"));
    }

    @Test
    void anUnknownPupilIsNotFoundAndNoRouteWaitingAConflict() throws Exception {
        when(reasons.received("A930000000019", "Dentist", true))
                .thenThrow(new NotFoundException("no pupil with UPN A930000000019"));
        mvc.perform(reason("A930000000019", "{\"reason\": \"Dentist\", \"explainsAbsence\": true}"))
                .andExpect(problem(HttpStatus.NOT_FOUND, "no pupil with UPN A930000000019"));

        when(reasons.received(UPN, "Dentist", false)).thenThrow(
                new AbsenceReasons.NoRouteWaiting("no route of pupil " + UPN + " is waiting for a reason for an absence"));
        mvc.perform(reason(UPN, "{\"reason\": \"Dentist\", \"explainsAbsence\": false}"))
                .andExpect(problem(HttpStatus.CONFLICT, "no route of pupil " + UPN + " is waiting for a reason for an absence"));
    }

    @Test
    void theLocalAuthorityRecordsNoReasons() throws Exception {
        mvc.perform(post("/api/pupils/" + UPN + "/absence-reasons").with(user("la").roles("local-authority"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Dentist\", \"explainsAbsence\": true}"))
                .andExpect(problem(HttpStatus.FORBIDDEN, startsWith("user la may not POST /api/pupils/" + UPN)));
        verifyNoInteractions(reasons);
    }

    private static MockHttpServletRequestBuilder reason(String upn, String json) {
        return post("/api/pupils/" + upn + "/absence-reasons").with(user("officer").roles("attendance-officers"))
                .contentType(MediaType.APPLICATION_JSON).content(json);
    }
}
