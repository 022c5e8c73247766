package org.attendanceroutes.security;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters of each role: "My tasks" (one filter every role reads), and per role
 * "My group's tasks" and "Overdue" on the role's candidate group, readable by that group only.
 * Filters are found by name, so a start creates only the missing ones and leaves any an
 * administrator has since tuned as they are.
 */
class TasklistFilters {

    static final String MY_TASKS = "My tasks";

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    static String groupTasks(Role role) {
        return "My group's tasks (" + role.groupName() + ")";
    }

    static String overdue(Role role) {
        return "Overdue (" + role.groupName() + ")";
    }

    void createFor(Role role) {
        readable(role, MY_TASKS, -10, "Tasks assigned to me",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        readable(role, groupTasks(role), 0, "Every open task of " + role.groupName(),
                tasks.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks());
        readable(role, overdue(role), 10, "Tasks of " + role.groupName() + " past their due date",
                tasks.createTaskQuery().taskCandidateGroup(role.groupId()).includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
    }

    private void readable(Role role, String name, int priority, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name)
                    .setQuery(query)
                    .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
            filters.saveFilter(filter);
        }
        RolesSetup.grant(authorizations, role.groupId(), Resources.FILTER, filter.getId(), Permissions.READ);
    }
}
