package org.attendanceroutes.routes;

import java.math.BigDecimal;

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

    /**
     * A whole number given as a number or as plain text in the Modeler ("6"), or null when not
     * given; anything else is an error naming the element and the input parameter.
     */
    public static Integer wholeNumber(Object value, String name, String element) {
        if (value == null || value instanceof Integer || value instanceof Long || value instanceof Short) {
            return value == null ? null : ((Number) value).intValue();
        }
        String text = value.toString().trim();
        if (text.matches("\\d{1,6}")) {
            return Integer.valueOf(text);
        }
        throw new IllegalArgumentException("'" + element + "': the input parameter " + name
                + " must be a whole number, not '" + value + "'");
    }

    /** A decimal number given as a number or as plain text ("96" or "96.5"); an error naming the element otherwise. */
    public static BigDecimal decimal(Object value, String name, String element) {
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + element + "': the input parameter " + name
                    + " must be a number, not '" + value + "'");
        }
    }
}
