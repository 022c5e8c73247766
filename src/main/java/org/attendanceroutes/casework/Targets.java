package org.attendanceroutes.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.attendanceroutes.attendance.AttendanceService;
import org.attendanceroutes.attendance.TargetProgress;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.Schools;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a case's attendance targets: when a target starts and ends in the school's
 * calendar, how it is concluded from the register, and which target a letter states.
 */
@Service
@Transactional
public class Targets {

    /** How a target's period is counted. */
    public enum Period {
        SCHOOL_DAYS("school days"),
        SCHOOL_WEEKS("school weeks");

        private final String words;

        Period(String words) {
            this.words = words;
        }
    }

    /** A concluded target: reached or not, with the attendance over its period (null without a possible session). */
    public record Result(Target target, boolean achieved, BigDecimal achievedPercent) {
    }

    private final TargetRepository targets;
    private final Casework cases;
    private final Schools schools;
    private final CalendarService calendars;
    private final AttendanceService attendance;
    private final Clock clock;

    Targets(TargetRepository targets, Casework cases, Schools schools, CalendarService calendars,
            AttendanceService attendance, Clock clock) {
        this.targets = targets;
        this.cases = cases;
        this.schools = schools;
        this.calendars = calendars;
        this.attendance = attendance;
        this.clock = clock;
    }

    /**
     * Sets {@code percent} % over the next {@code count} school days or weeks, from the next school
     * day, and records it in the case history.
     *
     * @param description the target in words, or null for "96 % attendance over the next 6 school weeks"
     * @param reward      what the pupil gets for reaching it, or null
     */
    public Target set(long caseId, BigDecimal percent, int count, Period period, String description, String reward,
                      String setBy) {
        SchoolCalendar calendar = calendarOfCase(caseId);
        LocalDate today = LocalDate.now(clock);
        LocalDate start = calendar.nextSchoolDayFrom(today.plusDays(1));
        LocalDate end = period == Period.SCHOOL_DAYS ? calendar.addSchoolDays(today, count)
                : calendar.addSchoolWeeks(today, count);
        String wording = description != null ? description
                : percent.stripTrailingZeros().toPlainString() + " % attendance over the next " + count + " " + period.words;
        Target target = targets.save(new Target(caseId, wording, start, end, percent, reward));
        cases.record(caseId, CaseEventType.TARGET_SET, setBy, wording + ", from " + start + " to " + end,
                reward == null ? null : "Reward: " + reward);
        return target;
    }

    /** Concludes the target from the register once its period is over; refused while it can still be reached or missed. */
    public Result conclude(long targetId) {
        Target target = targets.findById(targetId).orElseThrow(() ->
                new IllegalStateException("target " + targetId + " does not exist"));
        InterventionCase reviewed = cases.get(target.getCaseId());
        LocalDate today = LocalDate.now(clock);
        TargetProgress progress = attendance.targetProgress(reviewed.getPupilId(), target.getStartDate(),
                target.getEndDate(), target.getRequiredPercent(), today);
        if (progress.status() == TargetProgress.Status.ON_TRACK) {
            throw new IllegalStateException("target " + target.getId() + " runs until " + target.getEndDate()
                    + " and cannot be concluded on " + today);
        }
        boolean achieved = progress.status() == TargetProgress.Status.ACHIEVED;
        target.conclude(progress.achievedPercent(), achieved ? TargetResult.ACHIEVED : TargetResult.MISSED);
        targets.save(target);
        cases.record(reviewed.getId(), CaseEventType.TARGET_RESULT, Casework.SYSTEM,
                target.getDescription() + (achieved ? ": achieved" : ": missed") + " with "
                        + (progress.achievedPercent() == null ? "no possible session" : progress.achievedPercent() + " %"),
                null);
        return new Result(target, achieved, progress.achievedPercent());
    }

    /** The case's pending target, the latest to start: the one its letters state. */
    @Transactional(readOnly = true)
    public Optional<Target> current(long caseId) {
        return targets.findByCaseIdOrderByStartDate(caseId).stream()
                .filter(t -> t.getResult() == TargetResult.PENDING)
                .max(Comparator.comparing(Target::getStartDate).thenComparing(Target::getId));
    }

    /** The case's targets, earliest first. */
    @Transactional(readOnly = true)
    public List<Target> ofCase(long caseId) {
        return targets.findByCaseIdOrderByStartDate(caseId);
    }

    private SchoolCalendar calendarOfCase(long caseId) {
        long pupilId = cases.get(caseId).getPupilId();
        long schoolId = schools.pupil(pupilId).orElseThrow(() -> new IllegalStateException(
                "case " + caseId + " belongs to pupil " + pupilId + ", who does not exist")).getSchool().getId();
        return calendars.calendarFor(schoolId);
    }
}
