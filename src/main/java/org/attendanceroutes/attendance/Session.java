package org.attendanceroutes.attendance;

/** The two registration sessions of a school day. */
public enum Session {
    AM,
    PM
}
