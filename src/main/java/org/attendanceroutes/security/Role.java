package org.attendanceroutes.security;

/**
 * The roles of the routes, each a Camunda group that user tasks name as candidate group, with
 * the user the demo profile creates for it (password "demo").
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
}
