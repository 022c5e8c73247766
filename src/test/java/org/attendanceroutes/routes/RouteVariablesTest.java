package org.attendanceroutes.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Numbers an analyst types into a service task's inputs, as numbers or as the Modeler's plain text. */
class RouteVariablesTest {

    @Test
    void aWholeNumberMayBeANumberOrPlainText() {
        assertThat(RouteVariables.wholeNumber(6, "targetWeeks", "Set target")).isEqualTo(6);
        assertThat(RouteVariables.wholeNumber(6L, "targetWeeks", "Set target")).isEqualTo(6);
        assertThat(RouteVariables.wholeNumber("6", "targetWeeks", "Set target")).isEqualTo(6);
        assertThat(RouteVariables.wholeNumber(" 20 ", "targetDays", "Set target")).isEqualTo(20);
        assertThat(RouteVariables.wholeNumber(null, "respondWithinSchoolDays", "Send letter")).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingTheTaskAndTheInput() {
        assertThatThrownBy(() -> RouteVariables.wholeNumber("six", "targetWeeks", "Set 6-week target of 96 %"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'Set 6-week target of 96 %': the input parameter targetWeeks must be a whole number, not 'six'");
        assertThatThrownBy(() -> RouteVariables.wholeNumber(6.5, "targetWeeks", "Set target"))
                .hasMessageContaining("must be a whole number, not '6.5'");
    }

    @Test
    void aDecimalMayBeANumberOrPlainText() {
        assertThat(RouteVariables.decimal("96", "targetPercent", "Set target")).isEqualByComparingTo("96");
        assertThat(RouteVariables.decimal(95.5, "targetPercent", "Set target")).isEqualByComparingTo(new BigDecimal("95.5"));
        assertThatThrownBy(() -> RouteVariables.decimal("96 %", "targetPercent", "Set target"))
                .hasMessage("'Set target': the input parameter targetPercent must be a number, not '96 %'");
    }
}
