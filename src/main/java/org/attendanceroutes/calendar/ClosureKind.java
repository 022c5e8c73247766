package org.attendanceroutes.calendar;

/** Why a school is shut on a day inside a half term. */
public enum ClosureKind {
    INSET_DAY,
    BANK_HOLIDAY,
    CLOSURE
}
