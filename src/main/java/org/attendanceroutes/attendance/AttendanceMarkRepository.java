package org.attendanceroutes.attendance;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceMarkRepository extends JpaRepository<AttendanceMark, AttendanceMark.Key> {

    List<AttendanceMark> findByPupilIdAndMarkDateBetweenOrderByMarkDateAscSessionAsc(Long pupilId, LocalDate from, LocalDate to);
}
