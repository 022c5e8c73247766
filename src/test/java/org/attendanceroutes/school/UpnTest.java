package org.attendanceroutes.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UpnTest {

    @Test
    void acceptsUpnsWhoseCheckLetterMatchesTheWeightedSum() {
        // 8,0,1,4,0,0,1,2,6,0,0,1 weighted 2..13: 16+0+4+20+0+0+8+18+60+0+0+13 = 139; 139 mod 23 = 1 -> B
        assertThat(Upn.problem("B801400126001")).isNull();
        assertThat(Upn.checkLetter("801400126001")).isEqualTo('B');
        assertThat(Upn.isValid(Upn.of("937400424199"))).isTrue();
    }

    @Test
    void checkLettersSkipIOAndS() {
        // all zeros: sum 0 -> A; a sum of 22 mod 23 -> Z, the last of the 23 letters
        assertThat(Upn.checkLetter("000000000000")).isEqualTo('A');
        assertThat(Upn.checkLetter("000000000007")).isEqualTo('Z'); // 7 x 13 = 91; 91 mod 23 = 22
        assertThat(Upn.checkLetter("000000000002")).isEqualTo('D'); // 26 mod 23 = 3: A B C D
    }

    @Test
    void refusesAWrongCheckLetterNamingTheExpectedOne() {
        assertThat(Upn.problem("C801400126001"))
                .isEqualTo("UPN 'C801400126001' has check letter 'C' where 'B' is expected");
    }

    @Test
    void refusesWrongLengthsAndNonDigits() {
        assertThat(Upn.problem("B80140012600")).contains("12 characters, not 13");
        assertThat(Upn.problem("B80140012600X")).contains("must have 12 digits");
        assertThat(Upn.problem("")).isEqualTo("a UPN is required");
        assertThat(Upn.problem(null)).isEqualTo("a UPN is required");
    }

    @Test
    void checkLetterNeedsTwelveDigits() {
        assertThatThrownBy(() -> Upn.checkLetter("123")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 3");
    }
}
