package org.attendanceroutes.calendar;

/** The three terms of an English school year, each split into two half terms. */
public enum Term {
    AUTUMN,
    SPRING,
    SUMMER
}
