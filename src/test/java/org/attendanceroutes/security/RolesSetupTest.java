package org.attendanceroutes.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.attendanceroutes.ApplicationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The grants and filters each start makes sure of. */
@ApplicationTest
class RolesSetupTest {

    @Autowired
    RolesSetup setup;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    FilterService filters;

    @Test
    void startingAgainAddsNoGrantsOrFilters() {
        long grants = authorizations.createAuthorizationQuery().count();
        long existingFilters = filters.createFilterQuery().count();

        setup.postProcessEngineBuild(engine);

        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grants);
        assertThat(filters.createFilterQuery().count()).isEqualTo(existingFilters);
    }

    @Test
    void eachRolesGroupFiltersAreReadableByThatRoleAloneAndMyTasksByAll() {
        for (Role role : Role.values()) {
            for (String name : new String[] {TasklistFilters.groupTasks(role), TasklistFilters.overdue(role)}) {
                assertThat(readers(name)).as(name).containsExactly(role.groupId());
            }
        }
        assertThat(readers(TasklistFilters.MY_TASKS)).containsExactlyInAnyOrderElementsOf(Role.groupIds(role -> true));
    }

    @Test
    void aGrantMissingAPermissionGetsItAddedNotDuplicated() {
        String group = "grant-test-group";
        RolesSetup.grant(authorizations, group, Resources.DEPLOYMENT, "grant-test", Permissions.READ);
        RolesSetup.grant(authorizations, group, Resources.DEPLOYMENT, "grant-test", Permissions.READ, Permissions.DELETE);

        assertThat(authorizations.createAuthorizationQuery().groupIdIn(group).list()).singleElement().satisfies(grant -> {
            assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(grant.isPermissionGranted(Permissions.DELETE)).isTrue();
            assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
        });
    }

    private java.util.List<String> readers(String filterName) {
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        return authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filter.getId())
                .list().stream().filter(grant -> grant.isPermissionGranted(Permissions.READ))
                .map(Authorization::getGroupId).toList();
    }
}
