package org.attendanceroutes.review;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the daily evaluation runs: the timer start event of {@code attendance-review} reads
 * {@code ${attendanceReviewSchedule.cycle}}, a cron expression (seconds first) from the property
 * {@code attendance.review.cycle}.
 */
@Component
public class AttendanceReviewSchedule {

    private final String cycle;

    AttendanceReviewSchedule(@Value("${attendance.review.cycle}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
