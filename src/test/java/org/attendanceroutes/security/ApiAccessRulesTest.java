package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The path rules of /api, on their own. */
class ApiAccessRulesTest {

    static final List<String> TUTOR = List.of("tutors");
    static final List<String> OFFICER = List.of("attendance-officers");
    static final List<String> MANAGER = List.of("attendance-managers");
    static final List<String> SLT = List.of("slt");
    static final List<String> ADMIN = List.of("camunda-admin");
    static final List<String> LOCAL_AUTHORITY = List.of("local-authority");

    @Test
    void registerImportIsForOfficersManagersAndAdministratorsOnly() {
        for (List<String> allowed : List.<List<String>>of(OFFICER, MANAGER, ADMIN, List.of("tutors", "attendance-officers"))) {
            assertThat(ApiAccessRules.refusal("POST", "/api/register-marks", allowed)).as(allowed.toString()).isNull();
        }
        for (List<String> refused : List.<List<String>>of(TUTOR, SLT, LOCAL_AUTHORITY, List.of())) {
            assertThat(ApiAccessRules.refusal("POST", "/api/register-marks", refused)).as(refused.toString())
                    .isEqualTo("POST /api/register-marks is for register importers"
                            + " (attendance-officers, attendance-managers, camunda-admin)");
        }
        assertThat(ApiAccessRules.refusal("GET", "/api/register-marks/imports/7", TUTOR)).isNotNull();
    }

    @Test
    void calendarChangesAreForRegisterImportersAndReadingForAllStaff() {
        for (String method : List.of("PUT", "POST", "PATCH", "DELETE")) {
            assertThat(ApiAccessRules.refusal(method, "/api/schools/930001/calendar", TUTOR)).as(method).isNotNull();
            assertThat(ApiAccessRules.refusal(method, "/api/schools/930001/calendar/2026-27", SLT)).as(method).isNotNull();
            assertThat(ApiAccessRules.refusal(method, "/api/schools/930001/calendar", OFFICER)).as(method).isNull();
        }
        assertThat(ApiAccessRules.refusal("GET", "/api/schools/930001/calendar", TUTOR)).isNull();
        assertThat(ApiAccessRules.refusal("GET", "/api/schools/930001/calendar", LOCAL_AUTHORITY)).isNotNull();
    }

    @Test
    void theLocalAuthorityReadsCasesAndNothingElse() {
        for (String path : List.of("/api/cases", "/api/cases/12", "/api/cases/12/events", "/api/cases/12/targets")) {
            assertThat(ApiAccessRules.refusal("GET", path, LOCAL_AUTHORITY)).as(path).isNull();
            assertThat(ApiAccessRules.refusal("GET", path, TUTOR)).as(path).isNull();
            assertThat(ApiAccessRules.refusal("POST", path, LOCAL_AUTHORITY)).as(path).isNotNull();
        }
        for (String path : List.of("/api/cases/12/letters", "/api/letters/3/pdf", "/api/letters/print-queue",
                "/api/pupils/A930000000001/attendance", "/api/a-path-added-after-this-rule")) {
            assertThat(ApiAccessRules.refusal("GET", path, LOCAL_AUTHORITY)).as(path)
                    .isEqualTo("GET " + path + " is for school staff (tutors, class-staff, attendance-officers,"
                            + " attendance-managers, key-workers, heads-of-year, senco, slt, camunda-admin)");
            assertThat(ApiAccessRules.refusal("GET", path, TUTOR)).as(path).isNull();
        }
    }

    @Test
    void aUserInNoRoleMayDoNothing() {
        for (String path : List.of("/api", "/api/cases", "/api/cases/1", "/api/letters/1/pdf")) {
            assertThat(ApiAccessRules.refusal("GET", path, List.of())).as(path).isNotNull();
            assertThat(ApiAccessRules.refusal("GET", path, List.of("some-other-group"))).as(path).isNotNull();
        }
    }

    @Test
    void theRulesGovernTheApplicationsApiOnly() {
        assertThat(ApiAccessRules.governs("/api")).isTrue();
        assertThat(ApiAccessRules.governs("/api/cases")).isTrue();
        assertThat(ApiAccessRules.governs("/apis")).isFalse();
        assertThat(ApiAccessRules.governs("/engine-rest/task")).isFalse();
        assertThat(ApiAccessRules.governs("/camunda/api/engine/engine/default/task")).isFalse();
    }
}
