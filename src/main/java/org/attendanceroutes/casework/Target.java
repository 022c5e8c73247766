package org.attendanceroutes.casework;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** An attendance target set on a case: a required percentage between two dates. */
@Entity
public class Target {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long caseId;
    private String description;
    private LocalDate startDate;
    private LocalDate endDate;
    private BigDecimal requiredPercent;
    private BigDecimal achievedPercent;
    @Enumerated(EnumType.STRING)
    private TargetResult result;
    private String reward;

    protected Target() {
    }

    public Target(Long caseId, String description, LocalDate startDate, LocalDate endDate,
                  BigDecimal requiredPercent, String reward) {
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a target cannot end (" + endDate + ") before it starts (" + startDate + ")");
        }
        if (requiredPercent.signum() < 0 || requiredPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a target is between 0 and 100 %, not " + requiredPercent);
        }
        this.caseId = caseId;
        this.description = description;
        this.startDate = startDate;
        this.endDate = endDate;
        this.requiredPercent = requiredPercent;
        this.reward = reward;
        this.result = TargetResult.PENDING;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getDescription() { return description; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public BigDecimal getRequiredPercent() { return requiredPercent; }
    public BigDecimal getAchievedPercent() { return achievedPercent; }
    public TargetResult getResult() { return result; }
    public String getReward() { return reward; }

    /**
     * Records the outcome once the target's period is over. The calculator decides it on exact
     * session counts; {@code achievedPercent} is the rounded figure shown to people (null when the
     * period had no possible session).
     */
    public void conclude(BigDecimal achievedPercent, TargetResult result) {
        if (this.result != TargetResult.PENDING) {
            throw new IllegalStateException("target " + id + " is already concluded as " + this.result);
        }
        if (result == TargetResult.PENDING) {
            throw new IllegalArgumentException("a target is concluded as ACHIEVED or MISSED");
        }
        this.achievedPercent = achievedPercent;
        this.result = result;
    }
}
