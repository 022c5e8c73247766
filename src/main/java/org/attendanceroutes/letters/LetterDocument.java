package org.attendanceroutes.letters;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A letter's PDF, exactly as issued. Kept apart from {@link Letter} so that lists of letters stay light. */
@Entity
public class LetterDocument {

    @Id
    private Long letterId;
    private byte[] pdf;

    protected LetterDocument() {
    }

    LetterDocument(Long letterId, byte[] pdf) {
        this.letterId = letterId;
        this.pdf = pdf;
    }

    public Long getLetterId() { return letterId; }
    public byte[] getPdf() { return pdf; }
}
