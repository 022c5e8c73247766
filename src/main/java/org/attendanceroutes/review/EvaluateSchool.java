package org.attendanceroutes.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.attendanceroutes.attendance.AttendanceEvaluation;
import org.attendanceroutes.attendance.AttendanceEvaluation.PupilSummary;
import org.attendanceroutes.attendance.AttendanceVariables;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.casework.Casework;
import org.attendanceroutes.casework.Casework.CaseToReview;
import org.attendanceroutes.routes.RouteVariables;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.persistence.EntityManager;

/**
 * "Evaluate the school" of the daily evaluation ({@code attendance-review}), one job per school
 * ({@code schoolId}), all in the job's transaction: every pupil's figures today; the school's route
 * started (business key the UPN, the figures as variables) for each pupil on roll who meets its
 * entry rule ({@link RouteEntry}) and has no case on it; message {@value #MESSAGE} with the figures
 * to each open case whose process waits for it.
 *
 * <p>Twice on the same data does nothing the second time: a pupil whose case on the route is open,
 * or was opened or closed since the latest school day, gets no new one (that day's figures were
 * dealt with), and a case is sent only figures that differ from the last it received, their
 * date aside ({@code intervention_case.figures_sent}). The school's row is locked first, so two
 * evaluations of one school (the evening's and an import's) take turns instead of starting a case
 * twice.
 *
 * <p>{@code camunda:delegateExpression="${evaluateSchool}"}
 */
@Component
public class EvaluateSchool implements JavaDelegate {

    public static final String MESSAGE = "AttendanceUpdated";
    /** Timers of the evaluation's two costly steps, with their median and 95th percentile over a day's run. */
    public static final String STARTS_TIMER = "attendance.review.route.starts";
    public static final String CORRELATIONS_TIMER = "attendance.review.correlations";

    private static final Logger log = LoggerFactory.getLogger(EvaluateSchool.class);

    private final Schools schools;
    private final Casework casework;
    private final AttendanceEvaluation evaluation;
    private final CalendarService calendars;
    private final RouteEntry routeEntry;
    private final Clock clock;
    private final EntityManager entities;
    private final Timer starts;
    private final Timer correlations;

    EvaluateSchool(Schools schools, Casework casework, AttendanceEvaluation evaluation, CalendarService calendars,
                   RouteEntry routeEntry, Clock clock, MeterRegistry meters, EntityManager entities) {
        this.schools = schools;
        this.casework = casework;
        this.evaluation = evaluation;
        this.calendars = calendars;
        this.routeEntry = routeEntry;
        this.clock = clock;
        this.entities = entities;
        this.starts = timer(meters, STARTS_TIMER, "a route started by the daily evaluation, up to its first wait state");
        this.correlations = timer(meters, CORRELATIONS_TIMER, "message AttendanceUpdated given to an open case");
    }

    private static Timer timer(MeterRegistry meters, String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(0.5, 0.95)
                .distributionStatisticExpiry(Duration.ofDays(1)).distributionStatisticBufferLength(1).register(meters);
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!(execution.getVariable(RouteVariables.SCHOOL_ID) instanceof Number schoolId)) {
            throw new IllegalStateException("'Evaluate the school' needs the variable schoolId (the multi-instance element)");
        }
        School school = schools.byId(schoolId.longValue()).orElseThrow(() -> new IllegalStateException(
                "no school with id " + schoolId + " to evaluate"));
        try {
            evaluate(school, execution.getProcessEngineServices().getRuntimeService());
        } catch (RuntimeException e) {
            // the incident's message in Cockpit: which school, and what is wrong with its data
            throw new IllegalStateException("school " + school.getUrn() + " (" + school.getName()
                    + ") could not be evaluated: " + e.getMessage(), e);
        }
    }

    private void evaluate(School school, RuntimeService runtime) {
        schools.lock(school.getId());
        LocalDate today = LocalDate.now(clock);
        String route = school.getRouteKey();
        SchoolCalendar calendar = calendars.calendarFor(school.getId());
        boolean halfTermReview = calendar.isSchoolDay(today) && calendar.endOfCurrentHalfTerm(today).equals(today);
        LocalDate latestSchoolDay = calendar.latestSchoolDayOnOrBefore(today);
        List<PupilSummary> summaries = evaluation.evaluateSchool(school.getId(), today);
        Set<Long> onRoll = new HashSet<>(schools.pupilIdsOnRoll(school.getId(), today));
        Map<Long, List<CaseToReview>> casesByPupil = new HashMap<>();
        for (CaseToReview found : casework.casesToReview(schools.pupilIds(school.getId()), latestSchoolDay)) {
            casesByPupil.computeIfAbsent(found.pupilId(), id -> new ArrayList<>()).add(found);
        }
        RouteEntry.Rules rules = routeEntry.latest();
        Map<Long, String> sent = new LinkedHashMap<>();
        int started = 0;
        for (PupilSummary pupil : summaries) {
            Map<String, Object> figures = AttendanceVariables.of(pupil.summary());
            String fingerprint = fingerprint(figures);
            boolean hasCaseOnRoute = false;
            for (CaseToReview found : casesByPupil.getOrDefault(pupil.pupilId(), List.of())) {
                hasCaseOnRoute |= found.routeKey().equals(route);
                if (found.open() && found.processInstanceId() != null && !fingerprint.equals(found.figuresSent())
                        && !correlations.record(() -> runtime.createMessageCorrelation(MESSAGE)
                        .processInstanceId(found.processInstanceId()).setVariables(figures).correlateAllWithResult())
                        .isEmpty()) {
                    sent.put(found.id(), fingerprint);
                }
            }
            if (!hasCaseOnRoute && onRoll.contains(pupil.pupilId()) && rules.starts(route, figures, halfTermReview)) {
                String instance = starts.record(() -> runtime.startProcessInstanceByKey(route, pupil.upn(), figures))
                        .getId();
                // the route began with these figures: the next evaluation sends them only when they change
                casework.recordFiguresSentAtStart(instance, fingerprint);
                started++;
            }
            // the routes read marks and cases through JPA: a school's worth in one persistence context
            // would make every flush check them all again
            entities.flush();
            entities.clear();
        }
        casework.recordFiguresSent(sent);
        log.info("school {} evaluated on {}: {} pupils, {} cases started on {}, {} cases sent today's figures",
                school.getUrn(), today, summaries.size(), started, route, sent.size());
    }

    /**
     * The figures without their date: a day that brings no new marks (a holiday, a register not yet
     * taken) brings nothing new to send, or a route would act on the same absence again.
     */
    static String fingerprint(Map<String, Object> figures) {
        Map<String, Object> undated = new LinkedHashMap<>(figures);
        undated.remove(AttendanceVariables.FIGURES_DATE);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(undated.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
