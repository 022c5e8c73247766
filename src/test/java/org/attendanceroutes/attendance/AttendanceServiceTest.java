package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calculator over a pupil's stored marks and the school's stored calendar. */
@ApplicationTest
class AttendanceServiceTest {

    @Autowired
    TestSchools testSchools;
    @Autowired
    AttendanceService attendance;
    @Autowired
    JdbcTemplate jdbc;

    Pupil pupil;

    @BeforeEach
    void setUp() {
        School school = testSchools.school("910102");
        pupil = testSchools.pupil(school, "910102000001", LocalDate.of(2026, 9, 1), null);
        testSchools.clearMarks(pupil);
        // the first week of the 96 % target of TargetProgressTest: one absence
        testSchools.marks(pupil, "2026-11-02", "/ \\", "I \\", "/ \\", "/ \\", "/ \\");
    }

    @Test
    void targetProgressCountsTheSessionsToCome() {
        TargetProgress progress = attendance.targetProgress(pupil.getId(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 11), new BigDecimal("96"), LocalDate.of(2026, 11, 6));

        assertThat(progress.status()).isEqualTo(TargetProgress.Status.ON_TRACK);
        assertThat(progress.sessionsToCome()).isEqualTo(50);
        assertThat(progress.sessionsThatMayStillBeMissed()).isEqualTo(1);
    }

    @Test
    void theLastNSchoolWeeksSkipTheHalfTermBreak() {
        // Friday 6 November: the last 2 school weeks are this one and the week of 19 October
        AttendanceFigures figures = attendance.lastSchoolWeeks(pupil.getId(), 2, LocalDate.of(2026, 11, 6));

        assertThat(figures.from()).isEqualTo("2026-10-19");
        assertThat(figures.possibleSessions()).isEqualTo(10);
        assertThat(figures.unmarkedSessions()).isEqualTo(10);
        assertThat(figures.attendancePercent()).isEqualByComparingTo("90.0");
    }

    @Test
    void aTargetBeyondTheCalendarAndAnUnknownPupilAreRefused() {
        assertThatThrownBy(() -> attendance.targetProgress(pupil.getId(), LocalDate.of(2028, 7, 1),
                LocalDate.of(2028, 9, 30), new BigDecimal("96"), LocalDate.of(2026, 11, 6)))
                .hasMessage("the target's end (2028-09-30) is outside the school's calendar, which runs from 2026-09-01 to 2028-07-21");
        assertThatThrownBy(() -> attendance.summary(-1L, LocalDate.of(2026, 11, 6))).hasMessage("no pupil with id -1");
    }
}
