package org.attendanceroutes.school;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.attendanceroutes.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schools, their pupils and the pupils' contacts, for the other features: they read and write
 * this feature's tables only through these methods.
 */
@Service
@Transactional(readOnly = true)
public class Schools {

    /** A pupil's place on a school's roll, as an import checks it. */
    public record RollEntry(long pupilId, String upn, long schoolId, String urn, LocalDate admission,
                            LocalDate leaving) {
    }

    private final SchoolRepository schools;
    private final PupilRepository pupils;
    private final ContactRepository contacts;
    private final JdbcTemplate jdbc;
    private final IdentityService identity;

    Schools(SchoolRepository schools, PupilRepository pupils, ContactRepository contacts, JdbcTemplate jdbc,
            IdentityService identity) {
        this.schools = schools;
        this.pupils = pupils;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.identity = identity;
    }

    public Optional<School> byId(long schoolId) {
        return schools.findById(schoolId);
    }

    public Optional<School> byUrn(String urn) {
        return schools.findByUrn(urn);
    }

    /** The school with this URN; {@link NotFoundException} naming it when there is none. */
    public School withUrn(String urn) {
        return byUrn(urn).orElseThrow(() -> new NotFoundException("no school with URN " + urn));
    }

    /** Every school's id, in order. */
    public List<Long> allIds() {
        return schools.findAll(Sort.by("id")).stream().map(School::getId).toList();
    }

    /**
     * Locks the school's row until the transaction ends, so two evaluations of one school (the
     * evening's and an import's) take turns.
     */
    @Transactional
    public void lock(long schoolId) {
        jdbc.queryForObject("select id from school where id = ? for update", Long.class, schoolId);
    }

    public Optional<Pupil> pupil(long pupilId) {
        return pupils.findById(pupilId);
    }

    public Optional<Pupil> pupilByUpn(String upn) {
        return pupils.findByUpn(upn);
    }

    /** The pupil with this UPN; {@link NotFoundException} naming it when there is none. */
    public Pupil pupilWithUpn(String upn) {
        return pupilByUpn(upn).orElseThrow(() -> new NotFoundException("no pupil with UPN " + upn));
    }

    /** The school's pupils on roll on {@code day}, by UPN. */
    public List<Pupil> onRoll(long schoolId, LocalDate day) {
        return pupils.findBySchoolIdOrderByUpn(schoolId).stream().filter(pupil -> pupil.isOnRoll(day)).toList();
    }

    /** The roll entries of the pupils with these UPNs; a UPN no pupil has is left out. */
    public List<RollEntry> rollOf(Collection<String> upns) {
        if (upns.isEmpty()) {
            return List.of();
        }
        // one query with the UPNs as an array: a long IN list costs more to plan than to run
        return jdbc.query(connection -> {
            var query = connection.prepareStatement("""
                    select p.id, p.upn, p.school_id, s.urn, p.admission_date, p.leaving_date
                    from pupil p join school s on s.id = p.school_id where p.upn = any (?)""");
            query.setArray(1, connection.createArrayOf("varchar", upns.toArray()));
            return query;
        }, (row, number) -> new RollEntry(row.getLong(1), row.getString(2), row.getLong(3), row.getString(4),
                row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class)));
    }

    /** The roll of a school, or of every school when {@code schoolId} is null: by school, then UPN. */
    public List<RollEntry> roll(Long schoolId) {
        return jdbc.query("""
                select p.id, p.upn, p.school_id, s.urn, p.admission_date, p.leaving_date
                from pupil p join school s on s.id = p.school_id""" + (schoolId == null ? "" : " where p.school_id = ?")
                + " order by p.school_id, p.upn", (row, number) -> new RollEntry(row.getLong(1), row.getString(2),
                row.getLong(3), row.getString(4), row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class)),
                schoolId == null ? new Object[0] : new Object[]{schoolId});
    }

    /** The ids of the school's pupils, whoever is on roll: their cases and marks stay theirs. */
    public List<Long> pupilIds(long schoolId) {
        return jdbc.queryForList("select id from pupil where school_id = ? order by id", Long.class, schoolId);
    }

    /** The ids of the school's pupils on roll on {@code day}. */
    public List<Long> pupilIdsOnRoll(long schoolId, LocalDate day) {
        return jdbc.queryForList("""
                select id from pupil where school_id = ? and admission_date <= ?
                and (leaving_date is null or leaving_date >= ?) order by id""", Long.class,
                schoolId, Date.valueOf(day), Date.valueOf(day));
    }

    /** The pupil's contacts with parental responsibility, in priority order: those letters go to. */
    public List<Contact> parentsOf(long pupilId) {
        return contacts.findByPupilIdOrderByPriority(pupilId).stream().filter(Contact::hasParentalResponsibility).toList();
    }

    public Optional<Contact> contact(long contactId) {
        return contacts.findById(contactId);
    }

    /** Saves the school, and creates its tenant (named after it) when it has none: see {@link SchoolTenants}. */
    @Transactional
    public School save(School school) {
        School saved = schools.save(school);
        SchoolTenants.ensureTenant(identity, saved);
        return saved;
    }

    @Transactional
    public Pupil save(Pupil pupil) {
        return pupils.save(pupil);
    }

    @Transactional
    public List<Contact> saveContacts(List<Contact> pupilsContacts) {
        return contacts.saveAll(pupilsContacts);
    }
}
