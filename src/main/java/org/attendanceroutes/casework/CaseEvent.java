package org.attendanceroutes.casework;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A line in a case's history: what happened, when, at which stage and who did it. */
@Entity
public class CaseEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private Instant occurredAt;
    @Enumerated(EnumType.STRING)
    private CaseEventType eventType;
    private String stage;
    /** A user id, or "system" for the engine's own steps. */
    private String performedBy;
    private String summary;
    private String details;

    protected CaseEvent() {
    }

    public CaseEvent(Long caseId, Instant occurredAt, CaseEventType eventType, String stage,
                     String performedBy, String summary, String details) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.eventType = eventType;
        this.stage = stage;
        this.performedBy = performedBy;
        this.summary = summary;
        this.details = details;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Instant getOccurredAt() { return occurredAt; }
    public CaseEventType getEventType() { return eventType; }
    public String getStage() { return stage; }
    public String getPerformedBy() { return performedBy; }
    public String getSummary() { return summary; }
    public String getDetails() { return details; }
}
