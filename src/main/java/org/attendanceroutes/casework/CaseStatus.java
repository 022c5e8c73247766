package org.attendanceroutes.casework;

public enum CaseStatus {
    OPEN,
    CLOSED
}
