package org.attendanceroutes.letters;

/** Who a letter goes to. */
public enum Recipients {
    /** Each contact with parental responsibility gets a letter of their own, by their preferred method. */
    PARENTS,
    /** As {@link #PARENTS}, and a copy for the local authority (by email when an address is configured, else by post). */
    PARENTS_AND_LOCAL_AUTHORITY;

    public static Recipients named(String name) {
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown recipient '" + name + "': use PARENTS or PARENTS_AND_LOCAL_AUTHORITY", e);
        }
    }
}
