package org.attendanceroutes.letters;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LetterDocumentRepository extends JpaRepository<LetterDocument, Long> {
}
