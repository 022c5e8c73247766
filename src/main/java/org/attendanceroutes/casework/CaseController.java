package org.attendanceroutes.casework;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.attendanceroutes.BadInputException;
import org.attendanceroutes.ForbiddenException;
import org.attendanceroutes.NotFoundException;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.school.Upn;
import org.attendanceroutes.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads cases: a pupil's cases, one case, its history and its targets. School staff read every
 * case; the local authority reads only the cases referred to it. Names stay out: a case is
 * known by its pupil's UPN.
 */
@RestController
@RequestMapping(path = "/api/cases", produces = "application/json")
class CaseController {

    record CaseView(long id, String upn, String route, CaseStatus status, String stage, LocalDate openedOn,
                    LocalDate closedOn, String outcome, LocalDate referredOn, String referredTo,
                    String processInstanceId) {
    }

    record EventView(long id, Instant occurredAt, CaseEventType type, String stage, String performedBy,
                     String summary, String details) {
    }

    record TargetView(long id, String description, LocalDate startDate, LocalDate endDate,
                      BigDecimal requiredPercent, BigDecimal achievedPercent, TargetResult result, String reward) {
    }

    private final InterventionCaseRepository cases;
    private final CaseEventRepository events;
    private final TargetRepository targets;
    private final Schools schools;

    CaseController(InterventionCaseRepository cases, CaseEventRepository events, TargetRepository targets,
                   Schools schools) {
        this.cases = cases;
        this.events = events;
        this.targets = targets;
        this.schools = schools;
    }

    @GetMapping
    List<CaseView> casesOfPupil(@RequestParam(required = false) String upn, HttpServletRequest request) {
        String problem = Upn.problem(upn);
        if (problem != null) {
            throw new BadInputException("query parameter upn: " + problem);
        }
        Pupil pupil = schools.pupilWithUpn(upn);
        boolean onlyReferred = readsOnlyReferred(request);
        return cases.findByPupilIdOrderByOpenedOnDesc(pupil.getId()).stream()
                .filter(found -> !onlyReferred || found.isReferred())
                .map(found -> view(found, pupil.getUpn()))
                .toList();
    }

    @GetMapping("/{id}")
    CaseView oneCase(@PathVariable long id, HttpServletRequest request) {
        InterventionCase found = readable(id, request);
        String upn = schools.pupil(found.getPupilId()).map(Pupil::getUpn).orElseThrow();
        return view(found, upn);
    }

    @GetMapping("/{id}/events")
    List<EventView> history(@PathVariable long id, HttpServletRequest request) {
        readable(id, request);
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(id).stream()
                .map(e -> new EventView(e.getId(), e.getOccurredAt(), e.getEventType(), e.getStage(),
                        e.getPerformedBy(), e.getSummary(), e.getDetails()))
                .toList();
    }

    @GetMapping("/{id}/targets")
    List<TargetView> targets(@PathVariable long id, HttpServletRequest request) {
        readable(id, request);
        return targets.findByCaseIdOrderByStartDate(id).stream()
                .map(t -> new TargetView(t.getId(), t.getDescription(), t.getStartDate(), t.getEndDate(),
                        t.getRequiredPercent(), t.getAchievedPercent(), t.getResult(), t.getReward()))
                .toList();
    }

    private InterventionCase readable(long id, HttpServletRequest request) {
        InterventionCase found = cases.findById(id).orElseThrow(() -> new NotFoundException("no case " + id));
        if (readsOnlyReferred(request) && !found.isReferred()) {
            Principal user = request.getUserPrincipal();
            throw new ForbiddenException("case " + id + " is not referred to the local authority, so "
                    + user.getName() + " may not read it");
        }
        return found;
    }

    /** Users outside the school's staff roles (the local authority) see referred cases only. */
    private static boolean readsOnlyReferred(HttpServletRequest request) {
        return Role.groupIds(Role::isSchoolStaff).stream().noneMatch(request::isUserInRole);
    }

    private static CaseView view(InterventionCase found, String upn) {
        return new CaseView(found.getId(), upn, found.getRouteKey(), found.getStatus(), found.getCurrentStage(),
                found.getOpenedOn(), found.getClosedOn(), found.getOutcome(), found.getReferredOn(),
                found.getReferredTo(), found.getProcessInstanceId());
    }
}
