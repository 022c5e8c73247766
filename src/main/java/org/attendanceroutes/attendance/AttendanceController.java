package org.attendanceroutes.attendance;

import java.time.Clock;
import java.time.LocalDate;

import org.attendanceroutes.BadInputException;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Upn;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A pupil's figures over HTTP: {@code GET /api/pupils/{upn}/attendance?from=YYYY-MM-DD&to=YYYY-MM-DD}. */
@RestController
class AttendanceController {

    /**
     * @param range   the figures from {@code from} to {@code to} as asked
     * @param summary the routes' figures as of today
     */
    record PupilAttendance(String upn, LocalDate today, AttendanceFigures range, AttendanceSummary summary) {
    }

    private final Schools schools;
    private final AttendanceService attendance;
    private final Clock clock;

    AttendanceController(Schools schools, AttendanceService attendance, Clock clock) {
        this.schools = schools;
        this.attendance = attendance;
        this.clock = clock;
    }

    @GetMapping("/api/pupils/{upn}/attendance")
    PupilAttendance attendance(@PathVariable String upn,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String problem = Upn.problem(upn);
        if (problem != null) {
            throw new BadInputException(problem);
        }
        Pupil pupil = schools.pupilWithUpn(upn);
        LocalDate today = LocalDate.now(clock);
        return new PupilAttendance(upn, today, attendance.figures(pupil.getId(), from, to),
                attendance.summary(pupil.getId(), today));
    }
}
