package org.attendanceroutes.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.attendance.RegisterImport.ImportError;
import org.attendanceroutes.csv.Utf8Reader;
import org.attendanceroutes.school.Upn;
import org.junit.jupiter.api.Test;

/** A register file read on its own: its header, its rows' values, the errors of each line. */
class RegisterFileTest {

    static final String PUPIL = Upn.of("910501000001");
    static final String OTHER = Upn.of("910501000002");

    ImportErrors errors = new ImportErrors();

    RegisterFile read(String csv) throws IOException {
        return read(new StringReader(csv));
    }

    RegisterFile read(Reader csv) throws IOException {
        return RegisterFile.read(csv, errors);
    }

    List<ImportError> errors() {
        return errors.firstByLine();
    }

    @Test
    void readsEachRowsPupilDateSessionAndCode() throws IOException {
        RegisterFile file = read("upn,date,session,code\n"
                + PUPIL + ",2026-09-03,AM,/\n"
                + PUPIL + ",2026-09-03,PM,\\\n"
                + OTHER + ",2026-09-04,AM,Y1\n");

        assertThat(errors()).isEmpty();
        assertThat(file.size()).isEqualTo(3);
        assertThat(file.upns()).containsExactly(PUPIL, OTHER);
        assertThat(List.of(0, 1, 2)).extracting(file::line, file::pupil, row -> LocalDate.ofEpochDay(file.epochDay(row)),
                file::session, file::code).containsExactly(
                tuple(2, 0, LocalDate.of(2026, 9, 3), Session.AM, AttendanceCode.PRESENT_AM),
                tuple(3, 0, LocalDate.of(2026, 9, 3), Session.PM, AttendanceCode.PRESENT_PM),
                tuple(4, 1, LocalDate.of(2026, 9, 4), Session.AM, AttendanceCode.fromSymbol("Y1")));
        assertThat(LocalDate.ofEpochDay(file.firstDay())).isEqualTo(LocalDate.of(2026, 9, 3));
        assertThat(LocalDate.ofEpochDay(file.lastDay())).isEqualTo(LocalDate.of(2026, 9, 4));
        assertThat(file.rowOf(1, LocalDate.of(2026, 9, 4).toEpochDay(), Session.AM)).isEqualTo(2);
        assertThat(file.rowOf(1, LocalDate.of(2026, 9, 4).toEpochDay(), Session.PM)).isEqualTo(-1);
    }

    @Test
    void aSpreadsheetsFileIsReadAsWritten() throws IOException {
        // a byte order mark, CRLF, the header in capitals, quoted values with spaces and commas
        RegisterFile file = read("\uFEFFUPN,Date,\"Session\",Code\r\n"
                + "\"" + PUPIL + "\", 2026-09-03 ,am,\" / \"\r\n"
                + "\r\n"
                + "\"" + PUPIL + ",\",2026-09-03,PM,/\r\n"
                + PUPIL + ",2026-09-04,PM,\"L,\"\r\n");

        assertThat(errors()).extracting(ImportError::line, ImportError::message).containsExactly(
                tuple(4, "UPN '" + PUPIL + ",' has 14 characters, not 13"),
                tuple(5, "'L,' is not a register code in force since August 2024"));
        assertThat(file.size()).isEqualTo(1);
        assertThat(file.upns()).containsExactly(PUPIL);
        assertThat(file.session(0)).isEqualTo(Session.AM);
        assertThat(file.code(0)).isEqualTo(AttendanceCode.PRESENT_AM);
    }

    @Test
    void aQuotedValueAcrossLinesKeepsTheLinesAfterItNumberedAsInTheFile() throws IOException {
        RegisterFile file = read("upn,date,session,code\n"
                + PUPIL + ",2026-09-03,AM,\"/\n\"\n"
                + PUPIL + ",2026-09-03,PM,\\\n"
                + PUPIL + ",2026-09-04,AM,H\n");

        assertThat(errors()).extracting(ImportError::line, ImportError::message).containsExactly(
                tuple(5, "code H (agreed family holiday) was withdrawn in August 2024: use C for leave the head"
                        + " authorised in exceptional circumstances, or G for a holiday not authorised"));
        assertThat(List.of(0, 1)).extracting(file::line, file::code)
                .containsExactly(tuple(2, AttendanceCode.PRESENT_AM), tuple(4, AttendanceCode.PRESENT_PM));
    }

    @Test
    void everyBadLineIsNamed() throws IOException {
        RegisterFile file = read("upn,date,session,code\n"
                + "A12345,2026-09-03,AM,/\n"              // 2
                + PUPIL + ",16/11/2026,AM,/\n"            // 3
                + PUPIL + ",2026-02-30,AM,/\n"            // 4
                + PUPIL + ",2026-09-03,EVE,/\n"           // 5
                + PUPIL + ",2026-09-03,AM,A\n"            // 6
                + PUPIL + ",2026-09-03,AM,J\n"            // 7
                + PUPIL + ",2026-09-03,AM,\n"             // 8
                + PUPIL + ",2026-09-03,AM\n"              // 9
                + PUPIL + ",2026-09-03,AM,/,extra\n"      // 10
                + PUPIL + ",2026-09-03,AM,/\n"            // 11: good
                + PUPIL + ",2026-09-03,AM,B\n"            // 12: the session of line 11
                + "\n"
                + "  \n"
                + PUPIL + ",2026-09-03,PM,/\n");          // 15: good

        assertThat(errors()).extracting(ImportError::line, ImportError::message).containsExactly(
                tuple(2, "UPN 'A12345' has 6 characters, not 13"),
                tuple(3, "date '16/11/2026' is not a date (YYYY-MM-DD)"),
                tuple(4, "date '2026-02-30' is not a date (YYYY-MM-DD)"),
                tuple(5, "session 'EVE' is not AM or PM"),
                tuple(6, "'A' is not a register code in force since August 2024"),
                tuple(7, "code J (interview) was withdrawn in August 2024: use J1"),
                tuple(8, "the code is empty: leave a session out of the file until it has a code"),
                tuple(9, "expected 4 columns (upn,date,session,code), found 3"),
                tuple(10, "expected 4 columns (upn,date,session,code), found 5"),
                tuple(12, "UPN " + PUPIL + ", 2026-09-03 AM is already on line 11"));
        assertThat(errors.total()).isEqualTo(10);
        assertThat(file.size()).as("the well-formed rows, the repeated session among them").isEqualTo(3);
        assertThat(file.line(2)).isEqualTo(15);
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirLine() throws IOException {
        // far enough in that a reader decoding a buffer at a time would be lines away
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (int line = 2; line < 20_000; line++) {
            csv.append(PUPIL).append(',').append(LocalDate.of(2026, 9, 1).plusDays(line / 2))
                    .append(line % 2 == 0 ? ",AM," : ",PM,").append(line == 12_345 ? "\u00e9" : "/").append('\n');
        }
        byte[] latin1 = csv.toString().getBytes(StandardCharsets.ISO_8859_1);

        RegisterFile file = read(new Utf8Reader(new ByteArrayInputStream(latin1)));

        assertThat(errors()).extracting(ImportError::line, ImportError::message)
                .containsExactly(tuple(12_345, "the file is not UTF-8: bytes on this line are not UTF-8 characters"));
        assertThat(file.size()).as("the rows before it").isEqualTo(12_343);
    }

    @Test
    void bytesThatAreNotUtf8AtTheStartOfALineAreNamedByThatLine() throws IOException {
        byte[] latin1 = ("upn,date,session,code\r\n" + PUPIL + ",2026-09-03,AM,/\r\n\u00e9" + PUPIL + ",2026-09-03,PM,/\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        read(new Utf8Reader(new ByteArrayInputStream(latin1)));

        assertThat(errors()).extracting(ImportError::line).containsExactly(3);
    }

    @Test
    void aQuoteThatIsNotClosedIsNamedByItsLine() throws IOException {
        read("upn,date,session,code\n" + PUPIL + ",2026-09-03,AM,/\n" + PUPIL + ",\"2026-09-03,PM,/\n");

        assertThat(errors()).extracting(ImportError::line, ImportError::message).containsExactly(tuple(3,
                "a quoted value on this line is not closed, or something other than a comma follows its closing quote"));
    }

    @Test
    void theHeaderComesFirst() throws IOException {
        read("");
        read("\n\n");
        read("upn,date,session\n" + PUPIL + ",2026-09-03,AM,/\n");
        RegisterFile headerOnly = RegisterFile.read(new StringReader("upn,date,session,code\r\n"), new ImportErrors());

        assertThat(errors()).extracting(ImportError::line, ImportError::message).containsExactly(
                tuple(1, "the file is empty: it needs the header 'upn,date,session,code' and a row for each mark"),
                tuple(1, "the file is empty: it needs the header 'upn,date,session,code' and a row for each mark"),
                tuple(1, "the first line must be the header 'upn,date,session,code'"));
        assertThat(headerOnly.size()).isZero();
        assertThat(headerOnly.upns()).isEmpty();
    }
}
