package org.attendanceroutes.routes;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables every route shares (see processes/README.md). Domain data stays in our
 * tables: the process holds ids and the few plain values its forms show.
 */
public final class RouteVariables {

    /** The InterventionCase id (Long). */
    public static final String CASE_ID = "caseId";
    /** The pupil's school id (Long): whose calendar counts school time. */
    public static final String SCHOOL_ID = "schoolId";
    /** The pupil's UPN (String), also the business key. */
    public static final String UPN = "upn";
    /** The pupil's name (String), for forms. */
    public static final String PUPIL_NAME = "pupilName";
    /** The case's history as a Markdown list (String), set on each user task as it is created. */
    public static final String CASE_HISTORY = "caseHistory";

    private RouteVariables() {
    }

    /** The case of this process; a clear error where the route did not open one. */
    public static Long caseId(VariableScope scope) {
        Object id = scope.getVariable(CASE_ID);
        if (id instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("this process has no case: the route's start event must open one"
                + " (execution listener ${openCase})");
    }

    /** A required input parameter or variable, with the element's name in the error. */
    public static Object required(VariableScope scope, String name, String element) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalArgumentException("'" + element + "' needs the input parameter " + name);
        }
        return value;
    }
}
