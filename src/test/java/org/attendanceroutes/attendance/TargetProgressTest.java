package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.attendanceroutes.attendance.TestRegisters.date;
import static org.attendanceroutes.attendance.TestRegisters.markEveryDay;
import static org.attendanceroutes.attendance.TestRegisters.marks;

import java.math.BigDecimal;

import org.attendanceroutes.attendance.TargetProgress.Status;
import org.junit.jupiter.api.Test;

/**
 * A target of 96 % over the 6 school weeks from Monday 2 to Friday 11 December 2026: 30 days,
 * 60 sessions, so at most 2 absences (60 x 4 % = 2.4, rounded down).
 */
class TargetProgressTest {

    static final BigDecimal NINETY_SIX = new BigDecimal("96");

    static PupilRegister register() {
        return TestRegisters.register("2026-11-02", "2026-12-11", "2026-09-01", null);
    }

    static TargetProgress progress(PupilRegister register, BigDecimal required, String today) {
        return AttendanceCalculator.targetProgress(register, date("2026-11-02"), date("2026-12-11"), required, date(today));
    }

    @Test
    void oneAbsenceInTheFirstWeekIsOnTrackWithOneMoreToSpare() {
        PupilRegister register = register();
        marks(register, "2026-11-02", "/ \\", "I \\", "/ \\", "/ \\", "/ \\");

        TargetProgress progress = progress(register, NINETY_SIX, "2026-11-06");

        assertThat(progress.status()).isEqualTo(Status.ON_TRACK);
        assertThat(progress.possibleSessions()).isEqualTo(10);
        assertThat(progress.absentSessions()).isEqualTo(1);
        assertThat(progress.achievedPercent()).isEqualByComparingTo("90.0");
        assertThat(progress.sessionsToCome()).isEqualTo(50);
        assertThat(progress.sessionsThatMayStillBeMissed()).isEqualTo(1);
    }

    @Test
    void anUnmarkedSessionIsStillToCome() {
        PupilRegister register = register();
        marks(register, "2026-11-02", "/ \\", "I \\", "/ \\", "/ \\", "/ .");

        TargetProgress progress = progress(register, NINETY_SIX, "2026-11-06");

        assertThat(progress.possibleSessions()).isEqualTo(9);
        assertThat(progress.sessionsToCome()).isEqualTo(51);
        assertThat(progress.sessionsThatMayStillBeMissed()).isEqualTo(1);
    }

    @Test
    void threeAbsencesMissItBeforeTheEnd() {
        PupilRegister register = register();
        marks(register, "2026-11-02", "/ \\", "I I", "N \\", "/ \\", "/ \\");

        TargetProgress progress = progress(register, NINETY_SIX, "2026-11-06");

        assertThat(progress.status()).isEqualTo(Status.MISSED);
        assertThat(progress.sessionsThatMayStillBeMissed()).isZero();
    }

    @Test
    void atTheEndTwoAbsencesAchieveItAndThreeMissIt() {
        PupilRegister register = register();
        markEveryDay(register, "2026-11-02", "2026-12-11", "/ \\");
        marks(register, "2026-11-03", "I I");

        TargetProgress achieved = progress(register, NINETY_SIX, "2026-12-11");
        assertThat(achieved.status()).isEqualTo(Status.ACHIEVED);
        assertThat(achieved.achievedPercent()).isEqualByComparingTo("96.7"); // 58 / 60
        assertThat(achieved.sessionsToCome()).isZero();
        assertThat(achieved.sessionsThatMayStillBeMissed()).isZero();

        marks(register, "2026-12-10", "N \\");
        TargetProgress missed = progress(register, NINETY_SIX, "2026-12-14");
        assertThat(missed.status()).isEqualTo(Status.MISSED);
        assertThat(missed.achievedPercent()).isEqualByComparingTo("95.0"); // 57 / 60
        // exactly on a 95 % target: 57 x 100 = 95 x 60
        assertThat(progress(register, new BigDecimal("95"), "2026-12-14").status()).isEqualTo(Status.ACHIEVED);
    }

    @Test
    void beforeTheStartEverySessionIsToCome() {
        TargetProgress progress = progress(register(), NINETY_SIX, "2026-10-30");

        assertThat(progress.status()).isEqualTo(Status.ON_TRACK);
        assertThat(progress.possibleSessions()).isZero();
        assertThat(progress.achievedPercent()).isNull();
        assertThat(progress.sessionsToCome()).isEqualTo(60);
        assertThat(progress.sessionsThatMayStillBeMissed()).isEqualTo(2);
    }

    @Test
    void noMoreSessionsMayBeMissedThanAreLeft() {
        PupilRegister register = register();
        marks(register, "2026-11-02", "/ \\", "I \\", "/ \\", "/ \\", "/ \\");

        assertThat(progress(register, BigDecimal.ZERO, "2026-11-06").sessionsThatMayStillBeMissed()).isEqualTo(50);
    }

    @Test
    void aPupilWhoLeavesIsMeasuredToLeaving() {
        PupilRegister register = TestRegisters.register("2026-11-02", "2026-12-11", "2026-09-01", "2026-11-20");

        TargetProgress progress = progress(register, NINETY_SIX, "2026-11-06");

        assertThat(progress.sessionsToCome()).isEqualTo(30); // 2 to 20 November: 15 days
        assertThat(progress.sessionsThatMayStillBeMissed()).isEqualTo(1); // 30 x 4 % = 1.2
    }

    @Test
    void badTargetsAreRefused() {
        assertThatThrownBy(() -> AttendanceCalculator.targetProgress(register(), date("2026-12-11"), date("2026-11-02"),
                NINETY_SIX, date("2026-11-06"))).hasMessageContaining("cannot end (2026-11-02) before it starts (2026-12-11)");
        assertThatThrownBy(() -> progress(register(), new BigDecimal("101"), "2026-11-06"))
                .hasMessageContaining("between 0 and 100 %, not 101");
    }
}
