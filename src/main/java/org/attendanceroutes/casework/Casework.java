package org.attendanceroutes.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
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

    /** A case as the daily evaluation weighs it, with the fingerprint of the figures it was last sent. */
    public record CaseToReview(long id, long pupilId, String routeKey, String processInstanceId, boolean open,
                               String figuresSent) {
    }

    private final InterventionCaseRepository cases;
    private final CaseEventRepository events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Casework(InterventionCaseRepository cases, CaseEventRepository events, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.jdbc = jdbc;
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

    @Transactional(readOnly = true)
    public Optional<InterventionCase> find(long caseId) {
        return cases.findById(caseId);
    }

    /** The pupil's cases, newest first. */
    @Transactional(readOnly = true)
    public List<InterventionCase> casesOfPupil(long pupilId) {
        return cases.findByPupilIdOrderByOpenedOnDesc(pupilId);
    }

    /** The cases of these pupils that matter on a day: the open ones, and those opened or closed since {@code since}. */
    @Transactional(readOnly = true)
    public List<CaseToReview> casesToReview(Collection<Long> pupilIds, LocalDate since) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(connection -> {
            var query = connection.prepareStatement("""
                    select id, pupil_id, route_key, process_instance_id, status, figures_sent from intervention_case
                    where pupil_id = any (?) and (status = 'OPEN' or opened_on >= ? or closed_on >= ?)""");
            query.setArray(1, connection.createArrayOf("bigint", pupilIds.toArray()));
            query.setDate(2, Date.valueOf(since));
            query.setDate(3, Date.valueOf(since));
            return query;
        }, (row, number) -> new CaseToReview(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                "OPEN".equals(row.getString(5)), row.getString(6)));
    }

    /** Whether any of these pupils has ever had a case. */
    @Transactional(readOnly = true)
    public boolean anyCaseOf(Collection<Long> pupilIds) {
        return !pupilIds.isEmpty() && Boolean.TRUE.equals(jdbc.query(connection -> {
            var query = connection.prepareStatement("select 1 from intervention_case where pupil_id = any (?) limit 1");
            query.setArray(1, connection.createArrayOf("bigint", pupilIds.toArray()));
            return query;
        }, ResultSet::next));
    }

    /** Records, by case id, the fingerprint of the figures each case was just sent. */
    public void recordFiguresSent(Map<Long, String> fingerprints) {
        jdbc.batchUpdate("update intervention_case set figures_sent = ? where id = ?", fingerprints.entrySet().stream()
                .map(sent -> new Object[]{sent.getValue(), sent.getKey()}).toList());
    }

    /** Records the fingerprint of the figures the case of this route instance started with. */
    public void recordFiguresSentAtStart(String processInstanceId, String fingerprint) {
        jdbc.update("update intervention_case set figures_sent = ? where process_instance_id = ?", fingerprint,
                processInstanceId);
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
