package org.attendanceroutes.letters;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface LetterRepository extends JpaRepository<Letter, Long> {

    List<Letter> findByIssueKeyOrderById(String issueKey);

    List<Letter> findByCaseIdOrderById(Long caseId);

    List<Letter> findByStatusOrderById(LetterStatus status);
}
