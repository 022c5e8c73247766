package org.attendanceroutes.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
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
 * Creates the role groups when they are missing, lets every role into Tasklist, and in the demo
 * profile creates one user per role. Runs once the engine is built, before the webapps serve.
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
        for (Role role : Role.values()) {
            if (identity.createGroupQuery().groupId(role.groupId()).count() == 0) {
                Group group = identity.newGroup(role.groupId());
                group.setName(role.groupName());
                group.setType(role == Role.CAMUNDA_ADMIN ? "SYSTEM" : "WORKFLOW");
                identity.saveGroup(group);
                log.info("created group {}", role.groupId());
            }
            grantOnce(authorizations, role.groupId(), Resources.APPLICATION, "tasklist");
            if (demoUsers && role != Role.CAMUNDA_ADMIN) {
                createDemoUser(identity, role);
            }
        }
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

    /** Grants a group ACCESS (or ALL) on one resource id, unless a grant already exists. */
    static void grantOnce(AuthorizationService authorizations, String groupId, Resources resource, String resourceId) {
        boolean exists = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).count() > 0;
        if (!exists) {
            Authorization grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
            grant.setGroupId(groupId);
            grant.setResource(resource);
            grant.setResourceId(resourceId);
            grant.addPermission(Permissions.ACCESS);
            authorizations.saveAuthorization(grant);
        }
    }
}
