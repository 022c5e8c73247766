package org.attendanceroutes.casework;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Refers cases to the local authority: the case is marked and its history says so. */
@Service
public class CaseReferrals {

    static final int MAX_REFERRED_TO = 200;

    private final InterventionCaseRepository cases;
    private final CaseEventRepository events;
    private final Clock clock;

    CaseReferrals(InterventionCaseRepository cases, CaseEventRepository events, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Marks the case referred today and records a REFERRAL_MADE event.
     *
     * @param referredTo the service referred to, e.g. "Warwickshire Attendance Service", or null
     * @param performedBy a user id, or "system"
     */
    @Transactional
    public InterventionCase refer(long caseId, String referredTo, String performedBy) {
        if (referredTo != null && referredTo.length() > MAX_REFERRED_TO) {
            throw new IllegalArgumentException("the service a case is referred to has at most " + MAX_REFERRED_TO
                    + " characters, not " + referredTo.length());
        }
        InterventionCase referred = cases.findById(caseId)
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId + " to refer"));
        referred.refer(LocalDate.now(clock), referredTo);
        events.save(new CaseEvent(caseId, clock.instant(), CaseEventType.REFERRAL_MADE, referred.getCurrentStage(),
                performedBy, "Referred to " + (referredTo == null ? "the local authority" : referredTo), null));
        return referred;
    }
}
