package org.attendanceroutes.absence;

import java.util.List;

import org.attendanceroutes.BadInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The school office records a reason a parent or carer gave for an absence:
 * {@code POST /api/pupils/{upn}/absence-reasons} with {@code {"reason": "...", "explainsAbsence": true}}.
 * 200 names the route instances that received it; 400 bad input, 404 unknown pupil, 409 no route
 * waiting for a reason.
 */
@RestController
class AbsenceReasonController {

    private final AbsenceReasons reasons;

    AbsenceReasonController(AbsenceReasons reasons) {
        this.reasons = reasons;
    }

    record ReasonRequest(String reason, Boolean explainsAbsence) {
    }

    record ReasonReceived(String upn, boolean explainsAbsence, List<String> routeInstances) {
    }

    @PostMapping(path = "/api/pupils/{upn}/absence-reasons", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReasonReceived record(@PathVariable String upn, @RequestBody ReasonRequest request) {
        if (request.explainsAbsence() == null) {
            throw new BadInputException("explainsAbsence: say (true or false) whether the reason explains"
                    + " the absence");
        }
        return new ReasonReceived(upn, request.explainsAbsence(),
                reasons.received(upn, request.reason(), request.explainsAbsence()));
    }
}
