package org.attendanceroutes.school;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PupilRepository extends JpaRepository<Pupil, Long> {

    @EntityGraph(attributePaths = "school")
    Optional<Pupil> findByUpn(String upn);

    List<Pupil> findBySchoolIdOrderByUpn(Long schoolId);

    long countBySchoolId(Long schoolId);
}
