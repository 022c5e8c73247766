package org.attendanceroutes.attendance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Realistic register marks from a seed, the same for the same seed and pupil whatever the order
 * pupils are generated in. Plain Java, used for the demo data and for large benchmark data sets.
 *
 * <p>Most pupils attend 95-100 %; a tail is persistently or severely absent; some miss Mondays
 * and Fridays; some arrive late, before (L) or after (U) the register closes; absences in the
 * last few school days may still have no reason (N).
 */
public final class RegisterGenerator {

    /** An attendance pattern, with the chance of a day's absence starting on an ordinary day. */
    public enum Profile {
        REGULAR(0.012),
        AT_RISK(0.035),
        PERSISTENT(0.09),
        MONDAY_FRIDAY(0.03),
        SEVERE(0.35);

        private final double absenceStart;

        Profile(double absenceStart) {
            this.absenceStart = absenceStart;
        }
    }

    /** Where generated marks go. */
    @FunctionalInterface
    public interface MarkSink {
        void mark(LocalDate date, Session session, AttendanceCode code);
    }

    private static final int RECENT_DAYS = 3;

    private final long seed;

    public RegisterGenerator(long seed) {
        this.seed = seed;
    }

    /** The pattern of the pupil with this key: about 72 % regular, 12 % at risk, 16 % of concern. */
    public Profile profileOf(long pupilKey) {
        int bucket = random(pupilKey, 1).nextInt(100);
        if (bucket < 72) {
            return Profile.REGULAR;
        } else if (bucket < 84) {
            return Profile.AT_RISK;
        } else if (bucket < 92) {
            return Profile.PERSISTENT;
        } else if (bucket < 97) {
            return Profile.MONDAY_FRIDAY;
        }
        return Profile.SEVERE;
    }

    /**
     * Marks for every session of {@code schoolDays} on which the pupil is on roll (from
     * {@code admission} to {@code leaving}, which may be null).
     */
    public void generate(long pupilKey, List<LocalDate> schoolDays, LocalDate admission, LocalDate leaving,
                         MarkSink sink) {
        Profile profile = profileOf(pupilKey);
        SplittableRandom random = random(pupilKey, 2);
        double lateness = random.nextDouble() < 0.15 ? 0.06 : 0.01;
        int spellLeft = 0;
        AttendanceCode spellCode = null;
        int recentFrom = schoolDays.size() - RECENT_DAYS;
        for (int i = 0; i < schoolDays.size(); i++) {
            LocalDate day = schoolDays.get(i);
            if (day.isBefore(admission) || (leaving != null && day.isAfter(leaving))) {
                continue;
            }
            if (spellLeft == 0 && random.nextDouble() < startChance(profile, day)) {
                spellCode = absenceCode(random, profile);
                spellLeft = spellCode == AttendanceCode.ILLNESS ? 1 + random.nextInt(3)
                        : spellCode == AttendanceCode.HOLIDAY_NOT_AUTHORISED ? 3 + random.nextInt(5) : 1;
            }
            if (spellLeft > 0) {
                spellLeft--;
                AttendanceCode code = i >= recentFrom && spellCode.category() == AttendanceCategory.AUTHORISED_ABSENCE
                        && spellCode != AttendanceCode.MEDICAL ? AttendanceCode.NO_REASON_YET : spellCode;
                if (code == AttendanceCode.MEDICAL || code == AttendanceCode.LATE_AFTER_CLOSE) {
                    // an appointment or a late arrival takes the morning; the pupil is in after
                    sink.mark(day, Session.AM, code);
                    sink.mark(day, Session.PM, AttendanceCode.PRESENT_PM);
                } else {
                    sink.mark(day, Session.AM, code);
                    sink.mark(day, Session.PM, code);
                }
                continue;
            }
            double late = random.nextDouble();
            sink.mark(day, Session.AM, late < lateness * 0.2 ? AttendanceCode.LATE_AFTER_CLOSE
                    : late < lateness ? AttendanceCode.LATE_BEFORE_CLOSE : AttendanceCode.PRESENT_AM);
            sink.mark(day, Session.PM, AttendanceCode.PRESENT_PM);
        }
    }

    private static double startChance(Profile profile, LocalDate day) {
        if (profile == Profile.MONDAY_FRIDAY) {
            DayOfWeek weekday = day.getDayOfWeek();
            return weekday == DayOfWeek.MONDAY || weekday == DayOfWeek.FRIDAY ? 0.3 : 0.01;
        }
        return profile.absenceStart;
    }

    private static AttendanceCode absenceCode(SplittableRandom random, Profile profile) {
        int roll = random.nextInt(100);
        if (profile == Profile.SEVERE || profile == Profile.MONDAY_FRIDAY) {
            // patterns of concern are mostly unauthorised
            return roll < 35 ? AttendanceCode.ILLNESS : roll < 90 ? AttendanceCode.OTHER_UNAUTHORISED
                    : AttendanceCode.LATE_AFTER_CLOSE;
        }
        if (roll < 62) {
            return AttendanceCode.ILLNESS;
        } else if (roll < 74) {
            return AttendanceCode.MEDICAL;
        } else if (roll < 80) {
            return AttendanceCode.EXCEPTIONAL_CIRCUMSTANCES;
        } else if (roll < 84) {
            return AttendanceCode.RELIGIOUS_OBSERVANCE;
        } else if (roll < 89) {
            return AttendanceCode.HOLIDAY_NOT_AUTHORISED;
        }
        return AttendanceCode.OTHER_UNAUTHORISED;
    }

    private SplittableRandom random(long pupilKey, int stream) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + pupilKey * 31 + stream);
    }
}
