package org.attendanceroutes.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.attendanceroutes.attendance.AttendanceService;
import org.attendanceroutes.attendance.AttendanceSummary;
import org.attendanceroutes.attendance.AttendanceVariables;
import org.attendanceroutes.casework.InterventionCase;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calculates the pupil's figures as of today and writes them as process variables (see
 * {@link AttendanceVariables}), for the gateways that follow. The pupil is the case's
 * ({@code caseId}) or, without a case, the one whose UPN is the business key.
 *
 * <p>{@code camunda:delegateExpression="${calculateAttendance}"}
 */
@Component
public class CalculateAttendance implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CalculateAttendance.class);

    private final AttendanceService attendance;
    private final Casework cases;
    private final Schools schools;
    private final Clock clock;

    CalculateAttendance(AttendanceService attendance, Casework cases, Schools schools, Clock clock) {
        this.attendance = attendance;
        this.cases = cases;
        this.schools = schools;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long pupilId = pupilOf(execution);
        AttendanceSummary summary = attendance.summary(pupilId, LocalDate.now(clock));
        Map<String, Object> variables = AttendanceVariables.of(summary);
        execution.setVariables(variables);
        log.info("attendance of pupil {} (business key {}) on {}: {} % year to date, {} unauthorised in 10 weeks",
                pupilId, execution.getBusinessKey(), summary.today(),
                variables.get(AttendanceVariables.ATTENDANCE_PERCENT), summary.unauthorisedLastTenWeeks());
    }

    private Long pupilOf(DelegateExecution execution) {
        Object caseId = execution.getVariable("caseId");
        if (caseId != null) {
            long id = caseId instanceof Number number ? number.longValue() : Long.parseLong(caseId.toString());
            return cases.find(id).map(InterventionCase::getPupilId)
                    .orElseThrow(() -> new IllegalStateException("no intervention case " + id + " (process variable caseId)"));
        }
        String upn = execution.getBusinessKey();
        if (upn == null) {
            throw new IllegalStateException("cannot tell whose attendance to calculate: the process has neither"
                    + " a caseId variable nor a UPN as its business key");
        }
        return schools.pupilByUpn(upn).map(Pupil::getId)
                .orElseThrow(() -> new IllegalStateException("no pupil with UPN " + upn + " (the business key)"));
    }
}
