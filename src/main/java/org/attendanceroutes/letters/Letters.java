package org.attendanceroutes.letters;

import java.util.List;

import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.casework.Casework;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letters kept: one letter, its PDF, a case's letters. */
@Service
@Transactional(readOnly = true)
public class Letters {

    private final LetterRepository letters;
    private final LetterDocumentRepository documents;
    private final Casework cases;

    Letters(LetterRepository letters, LetterDocumentRepository documents, Casework cases) {
        this.letters = letters;
        this.documents = documents;
        this.cases = cases;
    }

    /** Where a letter's PDF is downloaded: what Tasklist forms link to ({@code lastLetterLink}). */
    public static String pdfPath(Long letterId) {
        return "/api/letters/" + letterId + "/pdf";
    }

    public Letter letter(Long letterId) {
        return letters.findById(letterId).orElseThrow(() -> notFound(letterId));
    }

    public byte[] pdf(Long letterId) {
        return documents.findById(letterId).orElseThrow(() -> notFound(letterId)).getPdf();
    }

    public List<Letter> ofCase(Long caseId) {
        if (cases.find(caseId).isEmpty()) {
            throw new NotFoundException("case " + caseId + " does not exist");
        }
        return letters.findByCaseIdOrderById(caseId);
    }

    static NotFoundException notFound(Long letterId) {
        return new NotFoundException("letter " + letterId + " does not exist");
    }
}
