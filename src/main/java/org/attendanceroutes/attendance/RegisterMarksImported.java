package org.attendanceroutes.attendance;

import java.util.Set;

/**
 * Published inside the import's transaction when an import inserted or changed marks: the URNs of
 * the schools of the file's pupils, whose figures are now different.
 */
public record RegisterMarksImported(Set<String> schoolUrns) {
}
