package org.attendanceroutes.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Lets the local authority read one route instance (running and in history) once a case is
 * referred to it; it reads no other instance.
 */
@Component
public class LocalAuthorityAccess {

    private final AuthorizationService authorizations;

    LocalAuthorityAccess(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    public void grantRead(String processInstanceId) {
        String group = Role.LOCAL_AUTHORITY.groupId();
        Runnable grant = () -> {
            RolesSetup.grant(authorizations, group, Resources.PROCESS_INSTANCE, processInstanceId,
                    ProcessInstancePermissions.READ);
            RolesSetup.grant(authorizations, group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
                    HistoricProcessInstancePermissions.READ);
        };
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            grant.run();
        } else {
            // called by a route step inside a user's command: granting is the route's doing, and
            // the user (a manager completing a task, say) may not create authorizations
            command.runWithoutAuthorization(() -> {
                grant.run();
                return null;
            });
        }
    }
}
