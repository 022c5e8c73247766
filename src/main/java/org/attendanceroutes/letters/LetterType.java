package org.attendanceroutes.letters;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every letter the five routes send. Each has its template ({@code letters/<template>.html}), the
 * subject of its email, the routes that send it, whether it states the case's target, whether it
 * asks the parent to reply or invites them to a meeting, and who receives it unless the BPMN says.
 */
public enum LetterType {

    // 003 attendance-improvement-process
    IMPROVEMENT_STAGE_1("improvement-stage-1", "Attendance improvement process: stage 1",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.IMPROVEMENT),
    IMPROVEMENT_STAGE_2("improvement-stage-2", "Attendance improvement process: stage 2, a 6-week target",
            TargetUse.REQUIRED, Reply.NONE, Recipients.PARENTS, Route.IMPROVEMENT),
    IMPROVEMENT_STAGE_3("improvement-stage-3", "Attendance improvement process: stage 3, a meeting with the attendance lead",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS, Route.IMPROVEMENT),
    IMPROVEMENT_ACTION_PLAN("improvement-action-plan", "Attendance improvement process: your child's action plan",
            TargetUse.REQUIRED, Reply.NONE, Recipients.PARENTS, Route.IMPROVEMENT),
    IMPROVEMENT_ACKNOWLEDGEMENT("improvement-acknowledgement", "Thank you: your child's attendance has improved",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.IMPROVEMENT),
    IMPROVEMENT_REFERRAL("improvement-referral", "Attendance improvement process: stage 4, referral to the county attendance service",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.IMPROVEMENT),

    // 000 attendance-action-routes
    ACTION_LETTER_1("action-letter-1", "Your child's attendance: letter 1",
            TargetUse.OPTIONAL, Reply.CONTACT, Recipients.PARENTS, Route.ACTION),
    ACTION_LETTER_2("action-letter-2", "Your child's attendance: letter 2, a meeting with your child's key worker",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS, Route.ACTION),
    ACTION_LETTER_3("action-letter-3", "Your child's attendance: letter 3, an attendance action plan",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS, Route.ACTION),
    ACTION_LEGAL_WARNING_MEETING("action-legal-warning-meeting", "Your child's attendance: a meeting and a legal warning",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS, Route.ACTION),
    ACTION_PROSECUTION_NOTICE("action-prosecution-notice", "Your child's attendance: the matter is referred for prosecution",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.ACTION),

    // 001 graduated-attendance-response
    GRADUATED_EXCELLENT("graduated-excellent", "Excellent attendance",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.GRADUATED),
    GRADUATED_TERMLY_REPORT("graduated-termly-report", "Your child's attendance this term",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.GRADUATED),
    GRADUATED_LETTER_1("graduated-letter-1", "Your child's attendance: letter 1 and information sheet",
            TargetUse.NONE, Reply.CONTACT, Recipients.PARENTS, Route.GRADUATED),
    GRADUATED_LETTER_2("graduated-letter-2", "Your child's attendance: letter 2, a face-to-face meeting",
            TargetUse.NONE, Reply.MEETING, Recipients.PARENTS, Route.GRADUATED),
    NOTICE_TO_IMPROVE("notice-to-improve", "Notice to improve your child's attendance",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS_AND_LOCAL_AUTHORITY, Route.GRADUATED),
    NOTICE_TO_IMPROVE_20_DAYS("notice-to-improve-20-days", "Notice to improve: 20 school days to improve your child's attendance",
            TargetUse.REQUIRED, Reply.MEETING, Recipients.PARENTS, Route.GRADUATED),

    // 002 attendance-interventions-framework
    FRAMEWORK_LETTER_1("framework-letter-1", "Your child's attendance has fallen below 95%",
            TargetUse.NONE, Reply.CONTACT, Recipients.PARENTS, Route.FRAMEWORK),
    FRAMEWORK_CONTACT_DETAILS("framework-contact-details", "Please confirm your contact details",
            TargetUse.NONE, Reply.CONTACT, Recipients.PARENTS, Route.FRAMEWORK),
    FRAMEWORK_LETTER_2("framework-letter-2", "Your child's attendance: a meeting with the attendance manager",
            TargetUse.NONE, Reply.MEETING, Recipients.PARENTS, Route.FRAMEWORK),
    FRAMEWORK_LETTER_3("framework-letter-3", "Your child's attendance: referral to the relevant bodies",
            TargetUse.NONE, Reply.NONE, Recipients.PARENTS, Route.FRAMEWORK),

    // 004 supporting-attendance-action-plan
    SUPPORT_DAY_3_LETTER("support-day-3-letter", "Your child's absence from school",
            TargetUse.NONE, Reply.CONTACT, Recipients.PARENTS, Route.SUPPORT),
    SUPPORT_MEETING_INVITATION("support-meeting-invitation", "An invitation to a meeting about your child's attendance",
            TargetUse.OPTIONAL, Reply.MEETING, Recipients.PARENTS, Route.SUPPORT);

    /** The route process keys (see DEVELOPERS.md). */
    public interface Route {
        String ACTION = "attendance-action-routes";
        String GRADUATED = "graduated-attendance-response";
        String FRAMEWORK = "attendance-interventions-framework";
        String IMPROVEMENT = "attendance-improvement-process";
        String SUPPORT = "supporting-attendance-action-plan";
    }

    /** Whether the letter states the case's current (pending) target. */
    public enum TargetUse {
        NONE,
        /** stated when the case has one */
        OPTIONAL,
        /** the letter is refused while the case has none */
        REQUIRED
    }

    /** What the letter asks of the parent. */
    public enum Reply {
        NONE,
        /** contact the school within a number of school days */
        CONTACT,
        /** come to a meeting: at {@code meetingAt} when the route knows it, else contact the school to arrange it */
        MEETING
    }

    private final String template;
    private final String subject;
    private final TargetUse targetUse;
    private final Reply reply;
    private final Recipients defaultRecipients;
    private final Set<String> routes;

    LetterType(String template, String subject, TargetUse targetUse, Reply reply, Recipients defaultRecipients,
               String... routes) {
        this.template = template;
        this.subject = subject;
        this.targetUse = targetUse;
        this.reply = reply;
        this.defaultRecipients = defaultRecipients;
        this.routes = Set.of(routes);
    }

    public String template() { return template; }
    public String subject() { return subject; }
    public TargetUse targetUse() { return targetUse; }
    public Reply reply() { return reply; }
    public Recipients defaultRecipients() { return defaultRecipients; }
    public Set<String> routes() { return routes; }

    public boolean isSentBy(String routeKey) {
        return routes.contains(routeKey);
    }

    /**
     * The contact-details letter follows a telephone fault, so it goes by email whenever an address
     * is known; every other letter goes by the contact's preferred method.
     */
    public boolean prefersEmail() {
        return this == FRAMEWORK_CONTACT_DETAILS;
    }

    /** The type of this name; refused with the list of names when there is none. */
    public static LetterType named(String name) {
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown letter type '" + name + "': use one of " + namesOf(values()), e);
        }
    }

    static String namesOf(LetterType... types) {
        return Arrays.stream(types).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** The letter types a route sends. */
    public static LetterType[] sentBy(String routeKey) {
        return Arrays.stream(values()).filter(t -> t.isSentBy(routeKey)).toArray(LetterType[]::new);
    }
}
