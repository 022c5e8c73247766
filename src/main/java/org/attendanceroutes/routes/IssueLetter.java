package org.attendanceroutes.routes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.attendanceroutes.letters.Figures;
import org.attendanceroutes.letters.Letter;
import org.attendanceroutes.letters.LetterDelivery;
import org.attendanceroutes.letters.LetterRequest;
import org.attendanceroutes.letters.LetterIssuing;
import org.attendanceroutes.letters.LetterType;
import org.attendanceroutes.letters.Letters;
import org.attendanceroutes.letters.Recipients;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * Issues a letter of the type the service task names, to the case's parents (and the local
 * authority when asked), and delivers it: by email, or into the print queue for post.
 *
 * <pre>
 * &lt;serviceTask camunda:delegateExpression="${issueLetter}" camunda:asyncBefore="true"&gt;
 *   &lt;extensionElements&gt;
 *     &lt;camunda:failedJobRetryTimeCycle&gt;R3/PT10M&lt;/camunda:failedJobRetryTimeCycle&gt;
 *     &lt;camunda:inputOutput&gt;
 *       &lt;camunda:inputParameter name="letterType"&gt;IMPROVEMENT_STAGE_1&lt;/camunda:inputParameter&gt;
 * </pre>
 *
 * Input parameters: {@code letterType} (a {@link LetterType} name, required); {@code recipient}
 * ({@code PARENTS} or {@code PARENTS_AND_LOCAL_AUTHORITY}; default: the type's own);
 * {@code respondWithinSchoolDays} (school days to contact the school; default from configuration);
 * {@code continueMonitoring} (boolean, the acknowledgement's "monitored at stage 1" paragraph).
 * Variables read: {@code caseId}; the calculator's {@code attendancePercent}, {@code absencePercent},
 * {@code possibleSessions}, {@code unauthorisedSessions}, {@code unauthorisedLast10Weeks} and
 * {@code figuresDate}; optional {@code meetingAt} (ISO date-time). Sets {@code lastLetterId} and
 * {@code lastLetterLink} (the PDF's path) for the next task's form.
 *
 * <p>It must run in a job ({@code asyncBefore}): a failed email then fails the job, which the engine
 * retries and at last turns into an incident, and the retry finds the letters the first attempt stored.
 */
@Component
public class IssueLetter implements JavaDelegate {

    public static final String LAST_LETTER_ID = "lastLetterId";
    public static final String LAST_LETTER_LINK = "lastLetterLink";
    private static final List<String> FIGURES = List.of("attendancePercent", "absencePercent", "possibleSessions",
            "unauthorisedSessions", "unauthorisedLast10Weeks", "figuresDate");

    private final LetterIssuing letters;
    private final LetterDelivery delivery;
    private final Clock clock;

    IssueLetter(LetterIssuing letters, LetterDelivery delivery, Clock clock) {
        this.letters = letters;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String issueKey = issueKey(execution);
        Object typeName = execution.getVariableLocal("letterType");
        if (!(typeName instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("the service task '" + execution.getCurrentActivityId()
                    + "' names no letter: give it an input parameter letterType (for example IMPROVEMENT_STAGE_1)");
        }
        LetterType type = LetterType.named(name);
        Object recipient = execution.getVariableLocal("recipient");
        Recipients recipients = recipient == null ? type.defaultRecipients() : Recipients.named(recipient.toString());
        Long caseId = number(execution, "caseId", "the route sets it when it starts").longValue();

        List<Letter> issued = letters.issue(new LetterRequest(caseId, type, recipients, figures(execution, caseId),
                meetingAt(execution), respondWithinSchoolDays(execution), continueMonitoring(execution),
                issueKey, execution.getProcessInstanceId()));
        delivery.deliver(issued);

        Long first = issued.get(0).getId();
        execution.setVariable(LAST_LETTER_ID, first);
        execution.setVariable(LAST_LETTER_LINK, Letters.pdfPath(first));
    }

    private static Figures figures(DelegateExecution execution, Long caseId) {
        for (String name : FIGURES) {
            if (execution.getVariable(name) == null) {
                throw new IllegalStateException("calculate attendance before issuing a letter: process variable '" + name
                        + "' is missing (case " + caseId + ")");
            }
        }
        String date = execution.getVariable("figuresDate").toString();
        try {
            return new Figures(number(execution, "attendancePercent", null).doubleValue(),
                    number(execution, "absencePercent", null).doubleValue(),
                    number(execution, "possibleSessions", null).intValue(),
                    number(execution, "unauthorisedSessions", null).intValue(),
                    number(execution, "unauthorisedLast10Weeks", null).intValue(),
                    LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("process variable figuresDate '" + date + "' is not an ISO date such as 2026-11-20", e);
        }
    }

    private static Number number(DelegateExecution execution, String name, String hint) {
        Object value = execution.getVariable(name);
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("process variable " + name + " must be a number, not "
                + (value == null ? "missing" : value.getClass().getSimpleName() + " '" + value + "'")
                + (hint == null ? "" : " (" + hint + ")"));
    }

    private static Integer respondWithinSchoolDays(DelegateExecution execution) {
        return RouteVariables.wholeNumber(execution.getVariableLocal("respondWithinSchoolDays"), "respondWithinSchoolDays",
                execution.getCurrentActivityName());
    }

    private static boolean continueMonitoring(DelegateExecution execution) {
        Object value = execution.getVariableLocal("continueMonitoring");
        if (value == null || value instanceof Boolean) {
            return Boolean.TRUE.equals(value);
        }
        if ("true".equals(value) || "false".equals(value)) {
            return "true".equals(value);
        }
        throw new IllegalArgumentException("input parameter continueMonitoring must be true or false, not '" + value + "'");
    }

    /** The meeting's local date and time; a time with an offset (as forms may send) is read in the school's zone. */
    private LocalDateTime meetingAt(DelegateExecution execution) {
        Object value = execution.getVariable("meetingAt");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return LocalDateTime.ofInstant(date.toInstant(), clock.getZone());
        }
        String text = value.toString().strip();
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException notLocal) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(clock.getZone()).toLocalDateTime();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("process variable meetingAt '" + text
                        + "' is not an ISO date-time such as 2026-11-26T15:30", e);
            }
        }
    }

    /**
     * The job running this task, and the task: the same on every retry of the job, different on
     * every later visit to the task (each visit gets a job of its own).
     */
    private static String issueKey(DelegateExecution execution) {
        CommandContext context = Context.getCommandContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        if (job == null) {
            throw new IllegalStateException("the letter task '" + execution.getCurrentActivityId() + "' must run in a job: "
                    + "set camunda:asyncBefore=\"true\" on it so that a failed delivery is retried, never lost");
        }
        return job.getId() + "/" + execution.getCurrentActivityId();
    }
}
