package org.attendanceroutes.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who looked at a child's record, and when: each read of a pupil's cases, figures or letters, and
 * each letter PDF served, by the signed-in user. It holds ids and UPNs, never names, and is kept
 * even when the read that wrote it fails afterwards.
 */
@Service
public class AccessLog {

    /** One read of a pupil's record. */
    public record Entry(Instant at, String user, String school, String upn, String what) {
    }

    /** How many entries an answer lists at most, newest first. */
    static final int LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final Clock clock;

    AccessLog(JdbcTemplate jdbc, IdentityService identity, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.clock = clock;
    }

    /** Records that the signed-in user read this of the pupil (upn may be null for a school-wide read). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String schoolUrn, String upn, String what) {
        Authentication user = identity.getCurrentAuthentication();
        jdbc.update("insert into access_log (accessed_at, user_id, school_urn, upn, what) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), user == null ? "system" : user.getUserId(), schoolUrn, upn, what);
    }

    /** Who read the pupil's record, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> ofPupil(String upn) {
        return entries("upn", upn);
    }

    /** What the user read, newest first. */
    @Transactional(readOnly = true)
    public List<Entry> ofUser(String userId) {
        return entries("user_id", userId);
    }

    private List<Entry> entries(String column, String value) {
        return jdbc.query("select accessed_at, user_id, school_urn, upn, what from access_log where " + column
                        + " = ? order by accessed_at desc, id desc limit " + LIMIT,
                (row, number) -> new Entry(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)), value);
    }
}
