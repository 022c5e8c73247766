package org.attendanceroutes.casework;

public enum TargetResult {
    PENDING,
    ACHIEVED,
    MISSED
}
