package org.attendanceroutes.security;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test only: what an /api controller knows of its caller (the principal, its roles) and what
 * the engine does on the caller's behalf (its authenticated user, the tasks it lets them see).
 */
@RestController
class WhoAmIController {

    static final String PATH = "/api/test-only/who-am-i";

    private final IdentityService identity;
    private final TaskService tasks;

    WhoAmIController(IdentityService identity, TaskService tasks) {
        this.identity = identity;
        this.tasks = tasks;
    }

    @GetMapping(PATH)
    Map<String, Object> whoAmI(Principal principal, HttpServletRequest request, @RequestParam String processInstanceId) {
        Authentication engineUser = identity.getCurrentAuthentication();
        return Map.of(
                "principal", principal.getName(),
                "inTutors", request.isUserInRole(Role.TUTORS.groupId()),
                "engineUser", engineUser.getUserId(),
                "engineGroups", engineUser.getGroupIds(),
                "visibleTasks", tasks.createTaskQuery().processInstanceId(processInstanceId).count());
    }
}
