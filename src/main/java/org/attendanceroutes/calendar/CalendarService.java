package org.attendanceroutes.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schools' calendars from the database. Calendars change a few times a year and are read on
 * every timer and every figure, so each school's is kept in memory until it is replaced.
 */
@Service
public class CalendarService {

    private final CalendarHalfTermRepository halfTerms;
    private final CalendarClosureRepository closures;
    private final Schools schools;
    private final Map<Long, SchoolCalendar> cache = new ConcurrentHashMap<>();

    CalendarService(CalendarHalfTermRepository halfTerms, CalendarClosureRepository closures, Schools schools) {
        this.halfTerms = halfTerms;
        this.closures = closures;
        this.schools = schools;
    }

    /** The school's calendar; {@link ConflictException} naming the school when it has none loaded. */
    @Transactional(readOnly = true)
    public SchoolCalendar calendarFor(Long schoolId) {
        return cache.computeIfAbsent(schoolId, this::load);
    }

    /**
     * Replaces the academic years in {@code file} for the school: their half terms and every
     * closure between the first and last day of those years. Other years are kept.
     */
    @Transactional
    public void replaceYears(Long schoolId, CalendarFile file) {
        List<HalfTermSpan> spans = file.halfTerms();
        LocalDate from = spans.get(0).start();
        LocalDate to = spans.get(spans.size() - 1).end();
        halfTerms.deleteYears(schoolId, file.academicYears());
        closures.deleteBetween(schoolId, from, to);
        halfTerms.flush();
        spans.forEach(span -> halfTerms.save(new CalendarHalfTerm(schoolId, span)));
        file.closures().forEach((date, closure) -> closures.save(new CalendarClosure(schoolId, date, closure)));
        cache.remove(schoolId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(schoolId);
                }
            });
        }
    }

    private SchoolCalendar load(Long schoolId) {
        List<HalfTermSpan> spans = halfTerms.findBySchoolIdOrderByStartDate(schoolId).stream()
                .map(CalendarHalfTerm::toSpan).toList();
        if (spans.isEmpty()) {
            String school = schools.byId(schoolId).map(School::getUrn).orElse("with id " + schoolId);
            throw new ConflictException("school " + school + " has no calendar loaded: load its calendar file first");
        }
        Map<LocalDate, ClosureKind> days = new HashMap<>();
        closures.findBySchoolId(schoolId).forEach(c -> days.put(c.getClosureDate(), c.getKind()));
        return new SchoolCalendar(spans, days);
    }
}
