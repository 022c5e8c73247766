package org.attendanceroutes.absence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.TestSchools;
import org.attendanceroutes.school.Upn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Recording a reason for an absence over HTTP refuses what it cannot use and says why (the route's
 * test shows a reason received). Only school staff may record one.
 */
@ApplicationTest
class AbsenceReasonApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    TestSchools testSchools;

    Pupil pupil;

    @BeforeEach
    void pupilWithNoRoute() {
        pupil = testSchools.pupil(testSchools.school("980002", "supporting-attendance-action-plan", DemoCalendar.file()),
                "980000000091", "Test", "Pupil", LocalDate.of(2026, 9, 1));
    }

    @Test
    void aPupilWithNoRouteWaitingForAReasonIsAConflict() {
        ResponseEntity<Map> answer = send("officer", pupil.getUpn(), Map.of("reason", "Dentist", "explainsAbsence", true));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().get("detail").toString()).startsWith("no route of pupil " + pupil.getUpn());
    }

    @Test
    void anUnknownPupilIsNotFound() {
        String nobody = Upn.of("980000000099");
        ResponseEntity<Map> answer = send("officer", nobody, Map.of("reason", "Dentist", "explainsAbsence", true));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().get("detail")).isEqualTo("no pupil with UPN " + nobody);
    }

    @Test
    void badInputIsRefusedNamingWhatIsWrong() {
        assertRefused(send("officer", "1980000000091", Map.of("reason", "Dentist", "explainsAbsence", true)),
                "UPN '1980000000091' has check letter");
        assertRefused(send("officer", pupil.getUpn(), Map.of("reason", "  ", "explainsAbsence", true)), "reason:");
        assertRefused(send("officer", pupil.getUpn(),
                Map.of("reason", "x".repeat(AbsenceReasons.MAX_REASON + 1), "explainsAbsence", true)),
                "reason: at most " + AbsenceReasons.MAX_REASON);
        assertRefused(send("officer", pupil.getUpn(), Map.of("reason", "Dentist")), "explainsAbsence:");
    }

    @Test
    void onlySchoolStaffMayRecordAReason() {
        Map<String, Object> reason = Map.of("reason", "Dentist", "explainsAbsence", true);
        assertThat(http.postForEntity("/api/pupils/{upn}/absence-reasons", reason, Map.class, pupil.getUpn())
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(send("la-officer", pupil.getUpn(), reason).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private void assertRefused(ResponseEntity<Map> answer, String detailStart) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().get("detail").toString()).startsWith(detailStart);
    }

    private ResponseEntity<Map> send(String user, String upn, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").postForEntity("/api/pupils/{upn}/absence-reasons", body, Map.class, upn);
    }
}
