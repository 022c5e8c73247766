package org.attendanceroutes.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The roles of the routes, each a Camunda group that user tasks name as candidate group, with
 * the user the demo profile creates for it (password "demo"), and what the role may do beyond
 * working its own tasks.
 */
public enum Role {
    TUTORS("tutors", "Tutors", "tutor", "Tess", "Tutor"),
    CLASS_STAFF("class-staff", "Class staff and subject teachers", "teacher", "Theo", "Teacher"),
    ATTENDANCE_OFFICERS("attendance-officers", "Attendance officers", "officer", "Olive", "Officer"),
    ATTENDANCE_MANAGERS("attendance-managers", "Attendance managers and leads", "manager", "Maya", "Manager"),
    KEY_WORKERS("key-workers", "Key workers", "keyworker", "Kai", "Keyworker"),
    HEADS_OF_YEAR("heads-of-year", "Heads of year and heads of house", "hoy", "Hana", "Headofyear"),
    SENCO("senco", "SENCOs", "senco", "Sam", "Senco"),
    SLT("slt", "Senior leadership team", "slt", "Sasha", "Leader"),
    LOCAL_AUTHORITY("local-authority", "Local authority attendance service", "la-officer", "Lee", "Authority"),
    CAMUNDA_ADMIN("camunda-admin", "Administrators", "demo", "Demo", "Administrator");

    private final String groupId;
    private final String groupName;
    private final String demoUserId;
    private final String demoFirstName;
    private final String demoLastName;

    Role(String groupId, String groupName, String demoUserId, String demoFirstName, String demoLastName) {
        this.groupId = groupId;
        this.groupName = groupName;
        this.demoUserId = demoUserId;
        this.demoFirstName = demoFirstName;
        this.demoLastName = demoLastName;
    }

    public String groupId() { return groupId; }
    public String groupName() { return groupName; }
    public String demoUserId() { return demoUserId; }
    public String demoFirstName() { return demoFirstName; }
    public String demoLastName() { return demoLastName; }

    /** The school's own people, who read all of its cases; the local authority sees only referrals. */
    public boolean isSchoolStaff() {
        return this != LOCAL_AUTHORITY;
    }

    /** Watches every route's definitions and instances in Cockpit. */
    public boolean watchesRoutes() {
        return this == ATTENDANCE_MANAGERS || this == SLT;
    }

    /** Imports register marks and changes school calendars. */
    public boolean maintainsRegisters() {
        return this == ATTENDANCE_OFFICERS || this == ATTENDANCE_MANAGERS || this == CAMUNDA_ADMIN;
    }

    /** The group ids of the roles that {@code test} accepts. */
    public static Set<String> groupIds(Predicate<Role> test) {
        return Arrays.stream(values()).filter(test).map(Role::groupId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
