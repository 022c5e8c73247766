package org.attendanceroutes.review;

import java.util.Arrays;
import java.util.List;

import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The schools the daily evaluation works through, one job each:
 * {@code camunda:collection="${schoolsToReview.ids(execution)}"}. Every school, or those whose URNs
 * the optional variable {@code schoolUrns} lists (comma-separated), as after a register import.
 */
@Component
public class SchoolsToReview {

    /** Comma-separated URNs (String): evaluate only these schools. */
    public static final String SCHOOL_URNS = "schoolUrns";

    private final Schools schools;

    SchoolsToReview(Schools schools) {
        this.schools = schools;
    }

    /** Their ids in the order of the ids. */
    public List<Long> ids(DelegateExecution execution) {
        Object urns = execution.getVariable(SCHOOL_URNS);
        if (urns == null) {
            return schools.allIds();
        }
        return Arrays.stream(urns.toString().split(",")).map(String::strip).filter(urn -> !urn.isEmpty()).distinct()
                .map(urn -> schools.byUrn(urn).orElseThrow(() -> new IllegalArgumentException(
                        "the variable " + SCHOOL_URNS + " names URN " + urn + ", which is no school's")))
                .map(School::getId).sorted().toList();
    }
}
