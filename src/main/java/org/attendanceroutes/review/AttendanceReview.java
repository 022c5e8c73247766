package org.attendanceroutes.review;

import java.util.Collection;
import java.util.TreeSet;

import org.attendanceroutes.attendance.RegisterMarksImported;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts the daily evaluation ({@code attendance-review}) outside its evening timer: for the schools
 * a register import touched, in the import's transaction (an import that fails starts nothing), or
 * for every school (the demo's first start).
 */
@Service
public class AttendanceReview {

    public static final String PROCESS_KEY = "attendance-review";
    /** The message that starts it outside the timer. */
    public static final String REQUESTED = "AttendanceReviewRequested";

    private static final Logger log = LoggerFactory.getLogger(AttendanceReview.class);

    private final ProcessEngine engine;

    AttendanceReview(ProcessEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void marksImported(RegisterMarksImported imported) {
        if (!imported.schoolUrns().isEmpty()) {
            ProcessInstance review = start(imported.schoolUrns());
            log.info("register import: attendance review {} started for schools {}", review.getId(),
                    new TreeSet<>(imported.schoolUrns()));
        }
    }

    /**
     * The evaluation of these schools (every school when null). Officers import marks through /api,
     * whose access rules decide who may; the review itself is the system's, whoever asked for it: it
     * starts without the user, so neither the engine's authorizations nor its tenant check apply,
     * and the instance belongs to no school.
     */
    public ProcessInstance start(Collection<String> schoolUrns) {
        IdentityService identity = engine.getIdentityService();
        Authentication user = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return engine.getRuntimeService().startProcessInstanceByMessage(REQUESTED, schoolUrns == null
                    ? Variables.createVariables()
                    : Variables.createVariables().putValue(SchoolsToReview.SCHOOL_URNS, String.join(",", schoolUrns)));
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
    }
}
