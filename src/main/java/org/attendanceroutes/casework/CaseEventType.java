package org.attendanceroutes.casework;

/** What can happen on a case. */
public enum CaseEventType {
    CASE_OPENED,
    STAGE_ENTERED,
    FIGURES_CALCULATED,
    LETTER_ISSUED,
    CALL_MADE,
    CONTACT_ATTEMPTED,
    MEETING_HELD,
    MEETING_MISSED,
    HOME_VISIT,
    TARGET_SET,
    TARGET_RESULT,
    ACTION_PLAN_AGREED,
    WARNING_GIVEN,
    SUPPORT_OFFERED,
    REFERRAL_MADE,
    DECISION_RECORDED,
    NOTE,
    CASE_CLOSED
}
