package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.attendanceroutes.letters.Figures;
import org.attendanceroutes.letters.LetterFixtures;
import org.attendanceroutes.letters.LetterIssuing;
import org.attendanceroutes.letters.LetterRequest;
import org.attendanceroutes.letters.LetterType;
import org.attendanceroutes.letters.Letters;
import org.attendanceroutes.letters.Recipients;
import org.attendanceroutes.school.Pupil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;

/**
 * A user logged in to Tasklist or Cockpit reads /api in the same browser session, as when a
 * form's link opens a letter's PDF; the session never changes anything through /api.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappSessionApiTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProcessEngine engine;
    @Autowired
    LetterFixtures fixtures;
    @Autowired
    LetterIssuing issuing;

    String pdfLink;

    @BeforeEach
    void aLetter() {
        LetterFixtures.setToday();
        Pupil pupil = fixtures.pupil("920000000031", "Łucja", LetterFixtures.fatherByPost());
        Long letterId = issuing.issue(new LetterRequest(fixtures.openCase(pupil, LetterType.Route.ACTION).getId(),
                LetterType.ACTION_LETTER_1, Recipients.PARENTS, new Figures(87.4, 12.6, 104, 9, 7, LetterFixtures.TODAY),
                null, null, false, "test-" + UUID.randomUUID(), null)).get(0).getId();
        pdfLink = Letters.pdfPath(letterId);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void aTasklistOrCockpitUserOpensALettersPdfWithoutLoggingInAgain() {
        for (String app : new String[] {"tasklist", "cockpit"}) {
            WebappSession browser = loggedIn(app, "manager");
            HttpResponse<String> pdf = browser.get(pdfLink);
            assertThat(pdf.statusCode()).as(app).isEqualTo(200);
            assertThat(pdf.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/pdf");
            assertThat(pdf.body()).startsWith("%PDF");
        }
    }

    @Test
    void withoutALoginTheLinkAsksForOne() {
        HttpResponse<String> anonymous = new WebappSession(http.getRootUri(), engine.getName()).get(pdfLink);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"Attendance Routes\""));
        assertThat(anonymous.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
    }

    @Test
    void theSessionUsersRolesStillApply() {
        HttpResponse<String> refused = loggedIn("tasklist", "la-officer").get(pdfLink);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("user la-officer may not GET " + pdfLink);
    }

    @Test
    void theSessionChangesNothingEvenWithTheWebappsCsrfToken() {
        WebappSession browser = loggedIn("tasklist", "officer");
        for (boolean withCsrfToken : new boolean[] {true, false}) {
            HttpResponse<String> refused = browser.post("/api/letters/posted", "{\"letterIds\": [1]}", withCsrfToken);
            assertThat(refused.statusCode()).as("with the CSRF token: " + withCsrfToken).isEqualTo(401);
            assertThat(refused.body()).contains("log in with HTTP Basic authentication");
        }
    }

    private WebappSession loggedIn(String app, String user) {
        WebappSession browser = new WebappSession(http.getRootUri(), engine.getName());
        assertThat(browser.login(app, user, "demo")).isEqualTo(200);
        return browser;
    }
}
