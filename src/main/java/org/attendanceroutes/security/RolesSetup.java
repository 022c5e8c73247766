package org.attendanceroutes.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Arrays;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups when they are missing and grants each what it may do: every role
 * works its own tasks in Tasklist (the engine grants candidate groups their tasks), managers and
 * SLT also read every route in Cockpit; every role gets its Tasklist filters. In the demo
 * profile it creates one user per role. Runs once the engine is built, before the webapps serve,
 * and again at every start: it only adds what is missing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RolesSetup extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(RolesSetup.class);
    static final String DEMO_PASSWORD = "demo";

    private final boolean demoUsers;

    RolesSetup(@Value("${attendance.demo.users}") boolean demoUsers) {
        this.demoUsers = demoUsers;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        TasklistFilters filters = new TasklistFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
        for (Role role : Role.values()) {
            if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identity.newGroup(role.groupId());
                group.setName(role.groupName());
                group.setType(role == Role.CAMUNDA_ADMIN ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
                log.info("created group {}", role.groupId());
            }
            grant(authorizations, role.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            if (role.watchesRoutes()) {
                grantRouteWatching(authorizations, role.groupId());
            }
            filters.createFor(role);
            if (demoUsers && role != Role.CAMUNDA_ADMIN) {
                createDemoUser(identity, role);
            }
        }
    }

    /** Cockpit, and read-only access to every route's definitions, instances and history. */
    private static void grantRouteWatching(AuthorizationService authorizations, String groupId) {
        grant(authorizations, groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(authorizations, groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
        grant(authorizations, groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(authorizations, groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(authorizations, groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(authorizations, groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private static void createDemoUser(IdentityService identity, Role role) {
        if (identity.createUserQuery().userId(role.demoUserId()).count() > 0) {
            return;
        }
        User user = identity.newUser(role.demoUserId());
        user.setFirstName(role.demoFirstName());
        user.setLastName(role.demoLastName());
        user.setPassword(DEMO_PASSWORD);
        user.setEmail(role.demoUserId() + "@demo.attendance-routes.invalid");
        identity.saveUser(user);
        identity.createMembership(role.demoUserId(), role.groupId());
        log.info("created demo user {} in group {}", role.demoUserId(), role.groupId());
    }

    /**
     * Grants a group the permissions on one resource id, adding to the group's grant there if it
     * has one, so that running again changes nothing and a new permission reaches old databases.
     * Runs without an authenticated user, so the engine checks nothing here; callers inside a
     * user's command must lift the check themselves.
     */
    static void grant(AuthorizationService authorizations, String groupId, Resources resource, String resourceId,
                      Permission... permissions) {
        Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
        if (grant == null) {
            grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
        } else if (Arrays.stream(permissions).allMatch(grant::isPermissionGranted)) {
            return;
        }
        for (Permission permission : permissions) {
            grant.addPermission(permission);
        }
        authorizations.saveAuthorization(grant);
    }
}
