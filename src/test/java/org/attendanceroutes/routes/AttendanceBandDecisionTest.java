package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bands of the graduated response (processes/attendance-band.dmn) on each edge the policy
 * names, evaluated by the DMN engine the process engine uses, without Spring.
 */
class AttendanceBandDecisionTest {

    static final String FILE = "processes/attendance-band.dmn";
    static DmnEngine engine;
    static DmnDecision decision;

    @BeforeAll
    static void parseTheTable() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = AttendanceBandDecisionTest.class.getClassLoader().getResourceAsStream(FILE)) {
            decision = engine.parseDecision("attendance-band", in);
        }
    }

    static DmnDecisionResultEntries band(Double attendance, boolean persistent, boolean severe, Boolean improvement) {
        Map<String, Object> figures = new HashMap<>();
        figures.put("attendancePercent", attendance);
        figures.put("persistentAbsence", persistent);
        figures.put("severeAbsence", severe);
        figures.put("improvementNoted", improvement);
        return engine.evaluateDecision(decision, figures).getSingleResult();
    }

    @ParameterizedTest(name = "{0} % (persistent {1}, severe {2}, improvement {3}) is band {4}")
    @CsvSource(nullValues = "none", textBlock = """
            100.0, false, false, none,  0, 97-100 %: excellent attendance
             97.0, false, false, none,  0, 97-100 %: excellent attendance
             96.9, false, false, none,  1, 95-97 %: early intervention
             95.0, false, false, none,  1, 95-97 %: early intervention
             94.9, false, false, none,  2, 93-95 %: further concern
             93.0, false, false, none,  2, 93-95 %: further concern
             92.9, false, false, none,  3, 91-93 %: Notice to Improve
             91.0, false, false, none,  3, 91-93 %: Notice to Improve
             90.9, false, false, none,  3, 91-93 %: Notice to Improve
             90.0, false, false, none,  3, 91-93 %: Notice to Improve
             90.0, true,  false, none,  4, Persistent absence
             85.0, true,  false, true,  4, Persistent absence
             85.0, true,  false, false, 5, Severe absence
             50.0, true,  true,  none,  5, Severe absence
             49.0, true,  true,  true,  5, Severe absence
            """)
    void eachBandEdge(Double attendance, boolean persistent, boolean severe, Boolean improvement, int level,
                      String name) {
        DmnDecisionResultEntries result = band(attendance, persistent, severe, improvement);
        assertThat((Object) result.getEntry("bandLevel")).isEqualTo(level);
        assertThat((Object) result.getEntry("band")).isEqualTo(name);
    }

    @Test
    void exactlyNinetyPercentIsPersistentAbsenceOnlyWhenTheExactAbsenceReachesTenPercent() {
        // 90.04 % rounds to 90.0 but absence is 9.96 %: the calculator's exact flag decides, not the rounded figure
        assertThat((Object) band(90.0, false, false, null).getEntry("bandLevel")).isEqualTo(3);
        assertThat((Object) band(90.0, true, false, null).getEntry("bandLevel")).isEqualTo(4);
    }

    @Test
    void noFiguresYetFallInNoBand() {
        assertThat(engine.evaluateDecision(decision, Map.of("persistentAbsence", false, "severeAbsence", false))
                .getSingleResult()).isNull();
    }

    @Test
    void theDecisionKeepsSevenYearsOfHistory() throws IOException {
        try (InputStream in = AttendanceBandDecisionTest.class.getClassLoader().getResourceAsStream(FILE)) {
            Decision model = Dmn.readModelFromStream(in).getModelElementById("attendance-band");
            assertThat(model.getCamundaHistoryTimeToLiveString()).isEqualTo("2555");
        }
    }
}
