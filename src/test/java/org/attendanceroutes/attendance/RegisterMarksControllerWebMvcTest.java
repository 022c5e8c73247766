package org.attendanceroutes.attendance;

import static org.attendanceroutes.Problems.problem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.Reader;
import java.util.List;

import org.attendanceroutes.ConflictException;
import org.attendanceroutes.attendance.RegisterImport.ImportError;
import org.attendanceroutes.attendance.RegisterImport.ImportResult;
import org.attendanceroutes.security.ApiWebMvcTest;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The register import over HTTP on its own: what it answers, and how a refusal or a failure comes out. */
@ApiWebMvcTest(RegisterMarksController.class)
@ExcludeFromProcessCoverage
class RegisterMarksControllerWebMvcTest {

    static final String FILE = RegisterImport.HEADER + "\nA930000000001,2026-11-16,AM,/\n";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RegisterImport registerImport;

    @Test
    void anImportedFileIsOkAndARefusedOneUnprocessableWithItsLines() throws Exception {
        when(registerImport.importCsv(any(Reader.class), eq("officer"))).thenReturn(new ImportResult(1, 1, 0, 0, List.of(), 0));
        mvc.perform(marks(FILE)).andExpect(status().isOk()).andExpect(jsonPath("$.inserted").value(1));

        when(registerImport.importCsv(any(Reader.class), eq("officer"))).thenReturn(
                new ImportResult(1, 0, 0, 0, List.of(new ImportError(2, "no pupil with UPN A930000000001")), 1));
        mvc.perform(marks(FILE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.totalErrors").value(1));
    }

    @Test
    void anotherImportOfTheSameSessionsIsAConflictAndAFailureOfTheDatabaseA500() throws Exception {
        when(registerImport.importCsv(any(Reader.class), eq("officer"))).thenThrow(new ConflictException(
                "another import wrote marks for the same sessions meanwhile: nothing was imported; import the file again"));
        mvc.perform(marks(FILE)).andExpect(problem(HttpStatus.CONFLICT, startsWith("another import wrote marks")));

        when(registerImport.importCsv(any(Reader.class), eq("officer"))).thenThrow(new IllegalStateException(
                "the register import failed and imported nothing: ERROR: relation \"attendance_mark\" is locked"));
        mvc.perform(marks(FILE)).andExpect(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                allOf(startsWith("an unexpected error"), not(containsString("attendance_mark")))));
    }

    @Test
    void onlyCsvFromRegisterMaintainersIsTaken() throws Exception {
        mvc.perform(marks(FILE).contentType(MediaType.APPLICATION_JSON))
                .andExpect(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'application/json' is not supported."));
        mvc.perform(post("/api/register-marks").with(user("tutor").roles("tutors")).contentType("text/csv").content(FILE))
                .andExpect(problem(HttpStatus.FORBIDDEN, "user tutor may not POST /api/register-marks: it is for"
                        + " attendance-officers, attendance-managers, camunda-admin"));
        verifyNoInteractions(registerImport);
    }

    private static MockHttpServletRequestBuilder marks(String csv) {
        return post("/api/register-marks").with(user("officer").roles("attendance-officers"))
                .contentType("text/csv").content(csv);
    }
}
