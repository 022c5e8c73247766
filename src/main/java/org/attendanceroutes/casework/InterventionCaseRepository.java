package org.attendanceroutes.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InterventionCaseRepository extends JpaRepository<InterventionCase, Long> {

    Optional<InterventionCase> findByPupilIdAndRouteKeyAndStatus(Long pupilId, String routeKey, CaseStatus status);

    Optional<InterventionCase> findByProcessInstanceId(String processInstanceId);

    List<InterventionCase> findByPupilIdOrderByOpenedOnDesc(Long pupilId);
}
