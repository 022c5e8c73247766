package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codes in force since August 2024, and the withdrawn ones an importer meets in old registers. */
class AttendanceCodeTest {

    @Test
    void everyCodeInForceIsReadFromItsSymbol() {
        assertThat(AttendanceCode.values()).hasSize(34).allSatisfy(code ->
                assertThat(AttendanceCode.fromSymbol(code.symbol())).isSameAs(code));
        assertThat(Arrays.stream(AttendanceCode.values()).map(AttendanceCode::symbol)).containsExactly(
                "/", "\\", "L", "K", "V", "P", "W", "B", "C", "C1", "C2", "E", "I", "J1", "M", "R", "S", "T",
                "G", "N", "O", "U", "D", "Q", "X", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "Z", "#");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            H | code H (agreed family holiday) was withdrawn in August 2024: use C
            J | code J (interview) was withdrawn in August 2024: use J1
            Y | plain code Y was withdrawn in August 2024: use Y1 to Y7
            F | code F (extended family holiday) was withdrawn in 2013: use C
            """)
    void withdrawnCodesAreRefusedNamingWhatReplacedThem(String symbol, String message) {
        assertThatThrownBy(() -> AttendanceCode.fromSymbol(symbol))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void unknownCodesAreRefusedWithTheSymbolQuoted() {
        assertThatThrownBy(() -> AttendanceCode.fromSymbol("A"))
                .hasMessage("'A' is not a register code in force since August 2024");
        assertThatThrownBy(() -> AttendanceCode.fromSymbol("y1")).hasMessageContaining("'y1'");
    }
}
