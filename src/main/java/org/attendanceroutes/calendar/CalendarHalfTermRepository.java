package org.attendanceroutes.calendar;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarHalfTermRepository extends JpaRepository<CalendarHalfTerm, Long> {

    List<CalendarHalfTerm> findBySchoolIdOrderByStartDate(Long schoolId);

    @Modifying
    @Query("delete from CalendarHalfTerm h where h.schoolId = :schoolId and h.academicYear in :years")
    void deleteYears(Long schoolId, Collection<String> years);
}
