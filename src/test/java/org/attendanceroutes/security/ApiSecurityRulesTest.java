package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The APIs' access rules, logins and refusals, on their own: a stand-in controller answers
 * "passed" on every path, so a call the rules let through answers 200.
 */
@ApiWebMvcTest(ApiSecurityRulesTest.Passed.class)
@Import(ApiSecurityRulesTest.Passed.class)
@ExcludeFromProcessCoverage
class ApiSecurityRulesTest {

    @RestController
    static class Passed {
        @RequestMapping("/**")
        String passed() {
            return "passed";
        }
    }

    static final String SCHOOL_STAFF = "tutors, class-staff, attendance-officers, attendance-managers, key-workers,"
            + " heads-of-year, senco, slt, camunda-admin";
    static final String EVERY_ROLE = "tutors, class-staff, attendance-officers, attendance-managers, key-workers,"
            + " heads-of-year, senco, slt, local-authority, camunda-admin";
    static final String REGISTER_MAINTAINERS = "attendance-officers, attendance-managers, camunda-admin";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;

    @Test
    void aSliceOfTheApiStartsNoEngineNorDatabase(@Autowired ApplicationContext context) {
        assertThat(mockingDetails(engine).isMock()).isTrue();
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SpringBootProcessApplication.class)).isEmpty();
    }

    @Test
    void registerImportIsForOfficersManagersAndAdministratorsOnly() throws Exception {
        for (String[] allowed : List.of(groups("attendance-officers"), groups("attendance-managers"),
                groups("camunda-admin"), groups("tutors", "attendance-officers"))) {
            assertPassed(HttpMethod.POST, "/api/register-marks", allowed);
        }
        for (String[] refused : List.of(groups("tutors"), groups("slt"), groups("local-authority"), groups())) {
            assertRefused(HttpMethod.POST, "/api/register-marks", refused, REGISTER_MAINTAINERS);
        }
        assertRefused(HttpMethod.GET, "/api/register-marks/imports/7", groups("tutors"), REGISTER_MAINTAINERS);
    }

    @Test
    void calendarChangesAreForRegisterMaintainersAndReadingForAllStaff() throws Exception {
        for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
            HttpMethod change = HttpMethod.valueOf(method);
            assertRefused(change, "/api/schools/930001/calendar", groups("tutors"), REGISTER_MAINTAINERS);
            assertRefused(change, "/api/schools/930001/calendar/2026-27", groups("slt"), REGISTER_MAINTAINERS);
            assertPassed(change, "/api/schools/930001/calendar", groups("attendance-officers"));
        }
        assertPassed(HttpMethod.GET, "/api/schools/930001/calendar", groups("tutors"));
        assertRefused(HttpMethod.GET, "/api/schools/930001/calendar", groups("local-authority"), SCHOOL_STAFF);
    }

    @Test
    void theLocalAuthorityReadsCasesAndNothingElse() throws Exception {
        for (String path : List.of("/api/cases", "/api/cases/12", "/api/cases/12/events", "/api/cases/12/targets")) {
            assertPassed(HttpMethod.GET, path, groups("local-authority"));
            assertPassed(HttpMethod.HEAD, path, groups("local-authority"));
            assertPassed(HttpMethod.GET, path, groups("tutors"));
            assertRefused(HttpMethod.POST, path, groups("local-authority"), SCHOOL_STAFF);
        }
        for (String path : List.of("/api/cases/12/letters", "/api/letters/3/pdf", "/api/letters/print-queue",
                "/api/pupils/A930000000001/attendance", "/api/a-path-added-after-these-rules")) {
            assertRefused(HttpMethod.GET, path, groups("local-authority"), SCHOOL_STAFF);
            assertPassed(HttpMethod.GET, path, groups("tutors"));
        }
    }

    @Test
    void aUserInNoRoleMayUseOnlyTheEngineApiWhereTheEngineDecides() throws Exception {
        for (String path : List.of("/api", "/api/cases", "/api/cases/1", "/api/letters/1/pdf")) {
            String allowed = path.startsWith("/api/cases") ? EVERY_ROLE : SCHOOL_STAFF;
            assertRefused(HttpMethod.GET, path, groups(), allowed);
            assertRefused(HttpMethod.GET, path, groups("some-other-group"), allowed);
        }
        assertPassed(HttpMethod.POST, "/engine-rest/engine/default/task/1/complete", groups());
    }

    @Test
    void bothApisAskForABasicLoginAndNothingElseDoes() throws Exception {
        for (String path : List.of("/api", "/api/cases/1", "/engine-rest/engine", "/engine-rest/task")) {
            MockHttpServletResponse refused = perform(request(HttpMethod.GET, path));
            assertThat(refused.getStatus()).as(path).isEqualTo(401);
            assertThat(refused.getHeader(HttpHeaders.WWW_AUTHENTICATE))
                    .isEqualTo("Basic realm=\"Attendance Routes\", charset=\"UTF-8\"");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            assertThat(detail(refused)).isEqualTo("log in with HTTP Basic authentication");
        }
        // the webapps keep their own login and CSRF protection; health is for anyone
        for (String path : List.of("/camunda/app/tasklist/", "/camunda/api/engine/engine/default/task",
                "/actuator/health", "/apis")) {
            MockHttpServletResponse passed = perform(request(HttpMethod.POST, path));
            assertThat(passed.getStatus()).as(path).isEqualTo(200);
            assertThat(passed.getHeader(HttpHeaders.WWW_AUTHENTICATE)).as(path).isNull();
        }
    }

    @Test
    void aBasicLoginIsTheEnginesUserWithItsGroupsAndSchoolsForTheRequest() throws Exception {
        engineUser("tutor", "tutors");
        when(identity.createTenantQuery().list()).thenReturn(List.of(new TenantEntity("930777")));
        when(identity.checkPassword("tutor", "right")).thenReturn(true);

        assertThat(perform(request(HttpMethod.GET, "/api/letters/print-queue").with(httpBasic("tutor", "right")))
                .getStatus()).isEqualTo(200);
        InOrder engineSide = inOrder(identity);
        engineSide.verify(identity).setAuthentication("tutor", List.of("tutors"), List.of("930777"));
        engineSide.verify(identity).clearAuthentication();

        MockHttpServletResponse wrong = perform(request(HttpMethod.GET, "/api/letters/print-queue")
                .with(httpBasic("tutor", "wrong")));
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(detail(wrong)).isEqualTo("unknown user or wrong password");
    }

    @Test
    void aLoginTheEngineCannotCheckIsNoWrongPassword() throws Exception {
        when(identity.checkPassword("tutor", "right")).thenThrow(new ProcessEngineException("db-internal-7 is down"));
        MockHttpServletResponse unchecked = perform(request(HttpMethod.GET, "/api/letters/print-queue")
                .with(httpBasic("tutor", "right")));
        assertThat(unchecked.getStatus()).isEqualTo(503);
        assertThat(unchecked.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isNull();
        assertThat(detail(unchecked)).isEqualTo("the login could not be checked: try again later");
    }

    @Test
    void aWebappSessionReadsTheApiButChangesNothing() throws Exception {
        when(engine.getName()).thenReturn("default");
        engineUser("officer", "attendance-officers");
        MockHttpSession session = new MockHttpSession();
        AuthenticationUtil.getAuthsFromSession(session).addOrReplace(new UserAuthentication("officer", "default"));

        assertThat(perform(request(HttpMethod.GET, "/api/letters/7/pdf").session(session)).getStatus()).isEqualTo(200);
        MockHttpServletResponse write = perform(request(HttpMethod.POST, "/api/register-marks").session(session));
        assertThat(write.getStatus()).isEqualTo(401);
        assertThat(detail(write)).isEqualTo("log in with HTTP Basic authentication");

        // a session of another engine's webapps is no login here
        MockHttpSession otherEngine = new MockHttpSession();
        AuthenticationUtil.getAuthsFromSession(otherEngine).addOrReplace(new UserAuthentication("officer", "other"));
        assertThat(perform(request(HttpMethod.GET, "/api/letters/7/pdf").session(otherEngine)).getStatus()).isEqualTo(401);
    }

    private void assertPassed(HttpMethod method, String path, String... groups) throws Exception {
        assertThat(perform(request(method, path).with(as(groups))).getStatus())
                .as(method + " " + path + " for " + Arrays.toString(groups)).isEqualTo(200);
    }

    private void assertRefused(HttpMethod method, String path, String[] groups, String allowedGroups) throws Exception {
        MockHttpServletResponse refused = perform(request(method, path).with(as(groups)));
        assertThat(refused.getStatus()).as(method + " " + path + " for " + Arrays.toString(groups)).isEqualTo(403);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(detail(refused)).isEqualTo("user someone may not " + method + " " + path + ": it is for " + allowedGroups);
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private String detail(MockHttpServletResponse response) throws Exception {
        JsonNode problem = json.readTree(response.getContentAsString());
        return problem.path("detail").asText();
    }

    private static RequestPostProcessor as(String... groups) {
        return user("someone").roles(groups);
    }

    private static String[] groups(String... groups) {
        return groups;
    }

    /** The engine's user with these groups, as the identity service answers for them. */
    private void engineUser(String userId, String... groupIds) {
        GroupQuery query = mock(GroupQuery.class);
        List<Group> groups = Arrays.stream(groupIds).<Group>map(GroupEntity::new).toList();
        when(identity.createGroupQuery()).thenReturn(query);
        when(query.groupMember(userId)).thenReturn(query);
        when(query.list()).thenReturn(groups);
        TenantQuery schools = mock(TenantQuery.class);
        when(identity.createTenantQuery()).thenReturn(schools);
        when(schools.userMember(userId)).thenReturn(schools);
        when(schools.includingGroupsOfUser(true)).thenReturn(schools);
        when(schools.list()).thenReturn(List.of());
    }
}
