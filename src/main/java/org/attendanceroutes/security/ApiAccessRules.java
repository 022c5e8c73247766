package org.attendanceroutes.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.util.AntPathMatcher;

/**
 * Which groups may make which calls on the application's own {@code /api}: the first rule whose
 * method and path match decides. Paths are rules, not controllers, so an endpoint added later
 * under a covered path is protected the day it is merged; anything not named falls to the last
 * rule, school staff only. Engine calls are not ruled here: the engine's authorizations decide.
 */
public final class ApiAccessRules {

    private static final Set<String> ANY_METHOD = Set.of();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private record Rule(Set<String> methods, List<String> paths, Set<String> groups, String who) {

        boolean matches(String method, String path) {
            return (methods.isEmpty() || methods.contains(method))
                    && paths.stream().anyMatch(pattern -> MATCHER.match(pattern, path));
        }
    }

    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private static final Set<String> STAFF = Role.groupIds(Role::isSchoolStaff);

    private static final List<Rule> RULES = List.of(
            new Rule(ANY_METHOD, List.of("/api/register-marks", "/api/register-marks/**"),
                    Role.groupIds(Role::maintainsRegisters), "register importers"),
            new Rule(WRITES, List.of("/api/schools/*/calendar", "/api/schools/*/calendar/**"),
                    Role.groupIds(Role::maintainsRegisters), "register importers"),
            // the case controller shows the local authority only the cases referred to it
            new Rule(Set.of("GET", "HEAD"), List.of("/api/cases", "/api/cases/*", "/api/cases/*/events",
                    "/api/cases/*/targets"), Role.groupIds(role -> true), "staff and the local authority"),
            new Rule(ANY_METHOD, List.of("/api/**"), STAFF, "school staff"));

    private ApiAccessRules() {
    }

    /**
     * Why a member of {@code groupIds} may not make this call, or null when it may.
     *
     * @param path the decoded, normalised path inside the application (servlet path and path info)
     */
    public static String refusal(String method, String path, Collection<String> groupIds) {
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                if (rule.groups().stream().anyMatch(groupIds::contains)) {
                    return null;
                }
                return method + " " + path + " is for " + rule.who() + " (" + String.join(", ", rule.groups()) + ")";
            }
        }
        return null;
    }

    /** Whether the call is under the application's own API, which these rules govern. */
    public static boolean governs(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
