package org.attendanceroutes.attendance;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.security.Principal;

import org.attendanceroutes.attendance.RegisterImport.ImportResult;
import org.attendanceroutes.csv.Utf8Reader;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/register-marks} with a CSV body ({@code text/csv}, UTF-8): 200 with what was
 * inserted, changed and left unchanged, or 422 with the errors by line and nothing imported.
 */
@RestController
class RegisterMarksController {

    static final String ANONYMOUS = "anonymous";

    private final RegisterImport registerImport;

    RegisterMarksController(RegisterImport registerImport) {
        this.registerImport = registerImport;
    }

    @PostMapping(path = "/api/register-marks", consumes = "text/csv")
    ResponseEntity<ImportResult> importMarks(InputStream body, Principal principal) throws IOException {
        ImportResult result = registerImport.importCsv(utf8(body), principal == null ? ANONYMOUS : principal.getName());
        return ResponseEntity.status(result.imported() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    /** The format is UTF-8 whatever the request says; bytes that are not UTF-8 are an error, not a guess. */
    static Reader utf8(InputStream in) {
        return new Utf8Reader(in);
    }
}
