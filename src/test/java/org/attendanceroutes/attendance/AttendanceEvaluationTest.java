package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.attendanceroutes.ApplicationTest;
import org.attendanceroutes.attendance.AttendanceEvaluation.PupilSummary;
import org.attendanceroutes.attendance.AttendanceEvaluation.SchoolSummaries;
import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.demo.LargeDataSet;
import org.attendanceroutes.school.SchoolRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk path (straight from the database, a school or all schools in one pass) against the
 * one-pupil path and against a plain SQL GROUP BY, on a generated data set: 2 schools of 60
 * pupils, one joining and one leaving during the year, marks to Tuesday 17 November 2026.
 */
@ApplicationTest
class AttendanceEvaluationTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);
    static final int FIRST_URN = 915000;

    @Autowired
    AttendanceEvaluation evaluation;
    @Autowired
    AuthorityEvaluation authority;
    @Autowired
    AttendanceService attendance;
    @Autowired
    SchoolRepository schools;
    @Autowired
    CalendarService calendars;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    List<Long> schoolIds;

    @BeforeEach
    void setUp() throws SQLException {
        LargeDataSet.Loaded loaded = new LargeDataSet(dataSource, calendars, 7).load(FIRST_URN, "910", 2, 120, TODAY);
        assertThat(loaded.pupils()).isEqualTo(120);
        schoolIds = List.of(schools.findByUrn("915000").orElseThrow().getId(), schools.findByUrn("915001").orElseThrow().getId());
        // a closure mark on a half-term day: no session of the register, so neither path counts it
        Long pupilId = jdbc.queryForObject("select min(id) from pupil where school_id = ?", Long.class, schoolIds.get(0));
        jdbc.update("delete from attendance_mark where pupil_id = ? and mark_date = '2026-10-26'", pupilId);
        jdbc.update("insert into attendance_mark (pupil_id, mark_date, session, code) values (?, '2026-10-26', 'AM', '#')", pupilId);
    }

    @Test
    void aSchoolsBulkSummariesAreThoseOfEachPupilAlone() {
        for (Long schoolId : schoolIds) {
            List<PupilSummary> bulk = evaluation.evaluateSchool(schoolId, TODAY);

            assertThat(bulk).hasSize(60);
            for (PupilSummary pupil : bulk) {
                assertThat(pupil.summary()).as(pupil.upn()).isEqualTo(attendance.summary(pupil.pupilId(), TODAY));
            }
            assertThat(bulk).extracting(p -> p.summary().yearToDate().possibleSessions())
                    .as("a pupil who joined in the year has fewer possible sessions").anyMatch(n -> n < 100);
        }
    }

    @Test
    void theWholeAuthorityInOnePassGivesTheSameSummaries() {
        Map<Long, List<PupilSummary>> all = new HashMap<>();
        authority.evaluateAll(TODAY, new SchoolSummaries() {
            @Override
            public void evaluated(Long schoolId, List<PupilSummary> summaries) {
                all.put(schoolId, summaries);
            }

            @Override
            public void failed(Long schoolId, RuntimeException reason) {
                // other tests' schools share the database; ours have calendars
            }
        });

        for (Long schoolId : schoolIds) {
            assertThat(all.get(schoolId)).isEqualTo(evaluation.evaluateSchool(schoolId, TODAY));
        }
    }

    @Test
    void yearToDateCountsAgreeWithAPlainGroupBy() {
        Map<String, Map<String, Integer>> grouped = new LinkedHashMap<>();
        jdbc.query("""
                select p.upn, m.code, count(*) as sessions from attendance_mark m join pupil p on p.id = m.pupil_id
                where p.school_id in (?, ?) and m.mark_date between '2026-09-03' and '2026-11-17'
                  and m.mark_date <> '2026-10-26'
                group by p.upn, m.code""", rows -> {
            grouped.computeIfAbsent(rows.getString(1), upn -> new HashMap<>()).put(rows.getString(2), rows.getInt(3));
        }, schoolIds.get(0), schoolIds.get(1));

        List<PupilSummary> bulk = new ArrayList<>();
        schoolIds.forEach(id -> bulk.addAll(evaluation.evaluateSchool(id, TODAY)));
        assertThat(bulk).allSatisfy(pupil -> assertThat(pupil.summary().yearToDate().sessionsByCode())
                .as(pupil.upn()).isEqualTo(grouped.get(pupil.upn())));
    }

    @Test
    void aSchoolWhoseCalendarDoesNotReachTodayIsReportedAndTheOthersGoOn() {
        LocalDate beyond = LocalDate.of(2028, 9, 10);
        Map<Long, String> failures = new HashMap<>();
        authority.evaluateAll(beyond, new SchoolSummaries() {
            @Override
            public void evaluated(Long schoolId, List<PupilSummary> summaries) {
            }

            @Override
            public void failed(Long schoolId, RuntimeException reason) {
                failures.put(schoolId, reason.getMessage());
            }
        });

        assertThat(failures).containsKeys(schoolIds.get(0), schoolIds.get(1));
        assertThat(failures.get(schoolIds.get(0))).contains("the school calendar ends on 2028-07-21 and does not reach 2028-09-10");
        assertThatThrownBy(() -> evaluation.evaluateSchool(schoolIds.get(0), beyond))
                .hasMessageContaining("does not reach 2028-09-10");
    }
}
