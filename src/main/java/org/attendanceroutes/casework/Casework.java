package org.attendanceroutes.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's life: opened when its route starts, moved from stage to stage, closed with an outcome,
 * and every step written to its history.
 */
@Service
@Transactional
public class Casework {

    /** Who is recorded for steps the engine takes by itself. */
    public static final String SYSTEM = "system";
    static final int MAX_REFERRED_TO = 200;

    private final InterventionCaseRepository cases;
    private final CaseEventRepository events;
    private final Clock clock;

    Casework(InterventionCaseRepository cases, CaseEventRepository events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a case; refused while the pupil has an open case on the same route. */
    public InterventionCase open(Long pupilId, String upn, String routeKey, String processInstanceId) {
        cases.findByPupilIdAndRouteKeyAndStatus(pupilId, routeKey, CaseStatus.OPEN).ifPresent(open -> {
            throw new IllegalStateException("pupil " + upn + " already has an open case (" + open.getId()
                    + ") on route " + routeKey);
        });
        InterventionCase opened = new InterventionCase(pupilId, routeKey, LocalDate.now(clock));
        opened.attachProcessInstance(processInstanceId);
        // flush so the database's one-open-case rule is checked here, not at some later commit
        cases.saveAndFlush(opened);
        record(opened, CaseEventType.CASE_OPENED, SYSTEM, "Case opened on route " + routeKey, null);
        return opened;
    }

    public InterventionCase get(Long caseId) {
        return cases.findById(caseId).orElseThrow(() -> new IllegalArgumentException("no case with id " + caseId));
    }

    public void enterStage(Long caseId, String stage) {
        InterventionCase found = get(caseId);
        found.moveToStage(stage);
        record(found, CaseEventType.STAGE_ENTERED, SYSTEM, stage, null);
    }

    public void close(Long caseId, String outcome) {
        InterventionCase found = get(caseId);
        found.close(LocalDate.now(clock), outcome);
        record(found, CaseEventType.CASE_CLOSED, SYSTEM, outcome, null);
    }

    /**
     * Refers the case to the local authority, whose users may read it from then on.
     *
     * @param referredTo the service referred to, e.g. "Warwickshire Attendance Service", or null
     */
    public InterventionCase refer(Long caseId, String referredTo, String performedBy) {
        if (referredTo != null && referredTo.length() > MAX_REFERRED_TO) {
            throw new IllegalArgumentException("the service a case is referred to has at most " + MAX_REFERRED_TO
                    + " characters, not " + referredTo.length());
        }
        InterventionCase found = get(caseId);
        found.refer(LocalDate.now(clock), referredTo);
        record(found, CaseEventType.REFERRAL_MADE, performedBy,
                "Referred to " + (referredTo == null ? "the local authority" : referredTo), null);
        return found;
    }

    public CaseEvent record(Long caseId, CaseEventType type, String performedBy, String summary, String details) {
        return record(get(caseId), type, performedBy, summary, details);
    }

    private CaseEvent record(InterventionCase on, CaseEventType type, String performedBy, String summary, String details) {
        return events.save(new CaseEvent(on.getId(), clock.instant(), type, on.getCurrentStage(),
                performedBy == null ? SYSTEM : performedBy, summary, details));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> history(Long caseId) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId);
    }
}
