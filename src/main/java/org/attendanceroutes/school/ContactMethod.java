package org.attendanceroutes.school;

/** How a parent or carer prefers to receive letters. */
public enum ContactMethod {
    EMAIL,
    POST
}
