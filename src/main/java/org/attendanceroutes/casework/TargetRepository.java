package org.attendanceroutes.casework;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TargetRepository extends JpaRepository<Target, Long> {

    List<Target> findByCaseIdOrderByStartDate(Long caseId);
}
