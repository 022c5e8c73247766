package org.attendanceroutes.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The pupils on roll today at the school of a school-wide process, for a multi-instance step that
 * works pupil by pupil: {@code camunda:collection="${pupilsOnRoll.upns(execution)}"}.
 */
@Component
public class PupilsOnRoll {

    private final Schools schools;
    private final Clock clock;

    PupilsOnRoll(Schools schools, Clock clock) {
        this.schools = schools;
        this.clock = clock;
    }

    /** Their UPNs in order, so a step that re-reads the list pupil by pupil sees the same order. */
    public List<String> upns(DelegateExecution execution) {
        if (!(execution.getVariable(RouteVariables.SCHOOL_ID) instanceof Number schoolId)) {
            throw new IllegalStateException("no school for this process: its start event must set schoolId"
                    + " (execution listener ${identifySchool})");
        }
        return schools.onRoll(schoolId.longValue(), LocalDate.now(clock)).stream().map(Pupil::getUpn).toList();
    }
}
