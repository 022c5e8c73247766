package org.attendanceroutes.absence;

import java.util.List;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.ConflictException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Upn;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reason for an absence that a parent or carer gives after a route started, as the school office
 * records it: correlated as the message {@value #MESSAGE} to the pupil's routes that wait for one
 * (business key: the UPN), with the variables {@value #REASON_GIVEN} and
 * {@value #REASON_EXPLAINS_ABSENCE}. The route decides what the reason changes.
 */
@Service
public class AbsenceReasons {

    private static final Logger log = LoggerFactory.getLogger(AbsenceReasons.class);

    public static final String MESSAGE = "ReasonReceived";
    /** The reason as the parent or carer gave it (String). */
    public static final String REASON_GIVEN = "reasonGiven";
    /** Whether the school accepts that the reason explains the absence (Boolean). */
    public static final String REASON_EXPLAINS_ABSENCE = "reasonExplainsAbsence";
    /** The case history keeps it with a short prefix in 4,000 characters. */
    static final int MAX_REASON = 2000;

    private final Schools schools;
    private final ProcessEngine engine;

    AbsenceReasons(Schools schools, ProcessEngine engine) {
        this.schools = schools;
        this.engine = engine;
    }

    /**
     * Gives the reason to the pupil's routes waiting for one.
     *
     * @return the ids of the route instances that received it
     * @throws BadInputException for a bad UPN or a missing or overlong reason
     * @throws NotFoundException when no pupil has the UPN
     * @throws NoRouteWaiting when none of the pupil's routes waits for a reason
     */
    @Transactional
    public List<String> received(String upn, String reason, boolean explainsAbsence) {
        String problem = Upn.problem(upn);
        if (problem != null) {
            throw new BadInputException(problem);
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason: give the reason the parent or carer gave for the absence");
        }
        if (reason.length() > MAX_REASON) {
            throw new BadInputException("reason: at most " + MAX_REASON + " characters, not " + reason.length());
        }
        schools.pupilWithUpn(upn); // an unknown pupil is refused before any route is asked
        List<String> instances = correlate(upn, reason.strip(), explainsAbsence).stream()
                .map(result -> result.getExecution().getProcessInstanceId()).distinct().toList();
        if (instances.isEmpty()) {
            throw new NoRouteWaiting("no route of pupil " + upn + " is waiting for a reason for an absence"
                    + " (the supporting attendance action plan waits up to day 6)");
        }
        log.info("reason for an absence of pupil {} (explains it: {}) given to route instances {}", upn,
                explainsAbsence, instances);
        return instances;
    }

    /** None of the pupil's routes waits for a reason: the reason changes nothing. */
    public static final class NoRouteWaiting extends ConflictException {
        NoRouteWaiting(String message) {
            super(message);
        }
    }

    /**
     * Staff record reasons through /api, whose access rules decide who may; the engine grants
     * staff no updates on route instances, so only this correlation runs without the engine's
     * check, still as the user, who is then recorded in the case history.
     */
    private List<MessageCorrelationResult> correlate(String upn, String reason, boolean explainsAbsence) {
        Command<List<MessageCorrelationResult>> correlation = commandContext -> {
            commandContext.disableAuthorizationCheck();
            try {
                return engine.getRuntimeService().createMessageCorrelation(MESSAGE).processInstanceBusinessKey(upn)
                        .setVariable(REASON_GIVEN, reason).setVariable(REASON_EXPLAINS_ABSENCE, explainsAbsence)
                        .correlateAllWithResult();
            } finally {
                commandContext.enableAuthorizationCheck();
            }
        };
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(correlation);
    }
}
