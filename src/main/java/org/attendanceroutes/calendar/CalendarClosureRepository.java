package org.attendanceroutes.calendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarClosureRepository extends JpaRepository<CalendarClosure, Long> {

    List<CalendarClosure> findBySchoolId(Long schoolId);

    @Modifying
    @Query("delete from CalendarClosure c where c.schoolId = :schoolId and c.closureDate between :from and :to")
    void deleteBetween(Long schoolId, LocalDate from, LocalDate to);
}
