package org.attendanceroutes.routes;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.attendanceroutes.TestSchools;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Upn;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Recording a reason for an absence refuses what it cannot use, and says why (the paths are in the route's test). */
@SpringBootTest
class AbsenceReasonApiTest {

    @Autowired
    WebApplicationContext web;
    @Autowired
    TestSchools testSchools;

    MockMvc http;
    Pupil pupil;

    @BeforeEach
    void pupilWithNoRoute() {
        http = MockMvcBuilders.webAppContextSetup(web).build();
        pupil = testSchools.pupil(testSchools.school("980002", "supporting-attendance-action-plan", DemoCalendar.file()),
                "980000000091", "Test", "Pupil", LocalDate.of(2026, 9, 1));
    }

    @Test
    void aPupilWithNoRouteWaitingForAReasonIsAConflict() throws Exception {
        send(pupil.getUpn(), "{\"reason\": \"Dentist\", \"explainsAbsence\": true}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("no route of pupil " + pupil.getUpn())));
    }

    @Test
    void anUnknownPupilIsNotFound() throws Exception {
        String nobody = Upn.of("980000000099");
        send(nobody, "{\"reason\": \"Dentist\", \"explainsAbsence\": true}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no pupil with UPN " + nobody));
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() throws Exception {
        send("1980000000091", "{\"reason\": \"Dentist\", \"explainsAbsence\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("check letter")));
        send(pupil.getUpn(), "{\"reason\": \"  \", \"explainsAbsence\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("reason:")));
        send(pupil.getUpn(), "{\"reason\": \"" + "x".repeat(AbsenceReasons.MAX_REASON + 1) + "\", \"explainsAbsence\": true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("at most " + AbsenceReasons.MAX_REASON)));
        send(pupil.getUpn(), "{\"reason\": \"Dentist\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(Matchers.startsWith("explainsAbsence:")));
    }

    private ResultActions send(String upn, String json) throws Exception {
        return http.perform(post("/api/pupils/{upn}/absence-reasons", upn).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
