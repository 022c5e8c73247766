package org.attendanceroutes.demo;

import org.attendanceroutes.review.AttendanceReview;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's first start evaluates every school at once, so a newcomer finds cases and tasks in
 * Tasklist within a minute rather than after the first evening. It runs once the demo data and
 * demo cases are in (the application is ready), and only while the evaluation has never run: the
 * demo cases exist already, so "no case yet" cannot tell a first start.
 */
@Component
class FirstReview {

    private static final Logger log = LoggerFactory.getLogger(FirstReview.class);

    private final boolean enabled;
    private final HistoryService history;
    private final AttendanceReview review;

    FirstReview(@Value("${attendance.demo.data}") boolean enabled, HistoryService history, AttendanceReview review) {
        this.enabled = enabled;
        this.history = history;
        this.review = review;
    }

    @EventListener(ApplicationReadyEvent.class)
    void evaluateOnce() {
        if (enabled && history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AttendanceReview.PROCESS_KEY).count() == 0) {
            String id = review.start(null).getId();
            log.info("demo: the first attendance review ({}) evaluates every school now", id);
        }
    }
}
