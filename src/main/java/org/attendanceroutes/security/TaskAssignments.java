package org.attendanceroutes.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyChange;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may give a task to whom, on every user task of every process: a user claims a task only for
 * themselves; assigning it to someone else, or taking it from them, is for the school's managers
 * (attendance managers and SLT) and administrators, and only to a member of the task's school and
 * of one of its roles. A user's own grants on a task (the engine gives its assignee some) end with
 * the assignment: when the task passes to someone else, is released, or is done, so a task once
 * given to someone opens no lasting door into the case.
 */
@Component
public class TaskAssignments extends AbstractProcessEnginePlugin implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TaskAssignments.class);
    static final Set<String> ASSIGNING_ROLES = Set.of(Role.ATTENDANCE_MANAGERS.groupId(), Role.SLT.groupId(),
            Role.CAMUNDA_ADMIN.groupId());

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                for (String event : List.of(EVENTNAME_ASSIGNMENT, EVENTNAME_COMPLETE, EVENTNAME_DELETE)) {
                    task.addBuiltInTaskListener(event, TaskAssignments.this);
                }
            }
        });
    }

    @Override
    public void notify(DelegateTask task) {
        String previous = previousAssignee(task);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            checkMayAssign(task, previous);
            if (previous != null) {
                revokeOwnGrants(task, previous);
            }
        } else if (task.getAssignee() != null) {
            revokeOwnGrants(task, task.getAssignee());
        }
    }

    private static String previousAssignee(DelegateTask task) {
        PropertyChange change = ((TaskEntity) task).getPropertyChanges().get(TaskEntity.ASSIGNEE);
        return change == null ? null : (String) change.getOrgValue();
    }

    /** The system (a route, the review) assigns as its BPMN says; people by the rule above. */
    private static void checkMayAssign(DelegateTask task, String previous) {
        CommandContext command = Context.getCommandContext();
        Authentication actor = command.getAuthentication();
        String assignee = task.getAssignee();
        if (actor == null || (assignee == null ? actor.getUserId().equals(previous) : actor.getUserId().equals(assignee))) {
            return;
        }
        List<String> actorGroups = actor.getGroupIds() == null ? List.of() : actor.getGroupIds();
        if (actorGroups.stream().noneMatch(ASSIGNING_ROLES::contains)) {
            throw refused(actor, task, assignee == null
                    ? "only " + previous + ", or a manager of the school, may release it"
                    : "a user claims a task only for themselves; a manager of the school may give it to someone else");
        }
        if (assignee != null && !staffOfTask(task, assignee)) {
            throw refused(actor, task, assignee + " is not a member of the task's school in one of its roles");
        }
    }

    /** Whether the user is a member of the task's school and in one of the roles it is for. */
    private static boolean staffOfTask(DelegateTask task, String userId) {
        IdentityService identity = Context.getProcessEngineConfiguration().getIdentityService();
        if (task.getTenantId() != null
                && identity.createTenantQuery().tenantId(task.getTenantId()).userMember(userId).includingGroupsOfUser(true)
                .count() == 0) {
            return false;
        }
        Set<String> roles = new HashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                roles.add(link.getGroupId());
            }
        }
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).anyMatch(roles::contains);
    }

    private static AuthorizationException refused(Authentication actor, DelegateTask task, String why) {
        log.info("refused user {} assigning task {} of process instance {}: {}", actor.getUserId(), task.getId(),
                task.getProcessInstanceId(), why);
        return new AuthorizationException("user " + actor.getUserId() + " may not assign task " + task.getId() + ": " + why);
    }

    /** The user's own grants on the task and its history. */
    private static void revokeOwnGrants(DelegateTask task, String userId) {
        CommandContext command = Context.getCommandContext();
        command.runWithoutAuthorization(() -> {
            AuthorizationService authorizations = Context.getProcessEngineConfiguration().getAuthorizationService();
            for (Resources resource : List.of(Resources.TASK, Resources.HISTORIC_TASK)) {
                for (Authorization grant : authorizations.createAuthorizationQuery().userIdIn(userId)
                        .resourceType(resource).resourceId(task.getId()).list()) {
                    authorizations.deleteAuthorization(grant.getId());
                }
            }
            return null;
        });
    }
}
