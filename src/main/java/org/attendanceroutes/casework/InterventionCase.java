package org.attendanceroutes.casework;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.attendanceroutes.ConflictException;

/**
 * A pupil's journey along one route: opened when the route starts, closed with an outcome when
 * it ends. The database holds at most one open case per pupil and route.
 */
@Entity
public class InterventionCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long pupilId;
    private String routeKey;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private String currentStage;
    private LocalDate openedOn;
    private LocalDate closedOn;
    private String outcome;
    /** Set when the case is referred to the local authority, whose users then may read it. */
    private LocalDate referredOn;
    private String referredTo;
    /** TRUE while open, NULL once closed: see the uk_case_open constraint. */
    private Boolean openFlag;

    protected InterventionCase() {
    }

    public InterventionCase(Long pupilId, String routeKey, LocalDate openedOn) {
        this.pupilId = pupilId;
        this.routeKey = routeKey;
        this.openedOn = openedOn;
        this.status = CaseStatus.OPEN;
        this.openFlag = Boolean.TRUE;
    }

    public Long getId() { return id; }
    public Long getPupilId() { return pupilId; }
    public String getRouteKey() { return routeKey; }
    public String getProcessInstanceId() { return processInstanceId; }
    public CaseStatus getStatus() { return status; }
    public String getCurrentStage() { return currentStage; }
    public LocalDate getOpenedOn() { return openedOn; }
    public LocalDate getClosedOn() { return closedOn; }
    public String getOutcome() { return outcome; }
    public LocalDate getReferredOn() { return referredOn; }
    public String getReferredTo() { return referredTo; }

    public boolean isReferred() {
        return referredOn != null;
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void moveToStage(String stage) {
        requireOpen("move to stage " + stage);
        this.currentStage = stage;
    }

    /** Refers the case to the local authority; a later referral replaces an earlier one's date and service. */
    public void refer(LocalDate referredOn, String referredTo) {
        requireOpen("refer to the local authority");
        this.referredOn = referredOn;
        this.referredTo = referredTo;
    }

    public void close(LocalDate closedOn, String outcome) {
        requireOpen("close");
        this.status = CaseStatus.CLOSED;
        this.openFlag = null;
        this.closedOn = closedOn;
        this.outcome = outcome;
    }

    private void requireOpen(String action) {
        if (!isOpen()) {
            throw new ConflictException("case " + id + " is closed (" + outcome + "): cannot " + action);
        }
    }
}
