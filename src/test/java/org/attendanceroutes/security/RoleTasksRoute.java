package org.attendanceroutes.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.attendanceroutes.calendar.DemoCalendar;
import org.attendanceroutes.routes.RouteVariables;
import org.attendanceroutes.school.Contact;
import org.attendanceroutes.school.ContactMethod;
import org.attendanceroutes.school.ContactRepository;
import org.attendanceroutes.school.Pupil;
import org.attendanceroutes.school.School;
import org.attendanceroutes.school.TestSchools;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * The test route src/test/resources/security/role-tasks.bpmn: it opens the pupil's case, then
 * holds one user task per school role at once, the managers' leading to the referral and then a
 * task for the local authority. Each start is for a new pupil of test school 930001 (on
 * PostgreSQL the database is shared, so UPNs are random within "930...").
 */
@Component
public class RoleTasksRoute {

    public static final String KEY = "security-role-tasks";
    public static final String URN = "930001";
    // names, address and email that must never reach a log
    public static final String PUPIL_FIRST_NAME = "Zephyrine";
    public static final String FAMILY_NAME = "Quillfeather";
    public static final String PARENT_FIRST_NAME = "Bartholomew";
    public static final String PARENT_STREET = "17 Larkspur Mews";
    public static final String PARENT_EMAIL = "bartholomew.q@example.invalid";

    public record Started(long caseId, String processInstanceId, String upn) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TestSchools testSchools;
    private final ContactRepository contacts;
    private final Clock clock;

    RoleTasksRoute(RepositoryService repository, RuntimeService runtime, TaskService tasks, TestSchools testSchools,
                   ContactRepository contacts, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.testSchools = testSchools;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** Deploys the route unless this version of it is deployed already. */
    public void deploy() {
        repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addClasspathResource("security/role-tasks.bpmn").deploy();
    }

    /** Starts the route for a new pupil, as no particular user. */
    public Started start() {
        deploy();
        School school = testSchools.school(URN, KEY, DemoCalendar.file());
        Pupil pupil = testSchools.pupil(school, String.format("930%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)),
                PUPIL_FIRST_NAME, FAMILY_NAME, LocalDate.now(clock).minusYears(1));
        Contact parent = new Contact(pupil, "Mr", PARENT_FIRST_NAME, FAMILY_NAME, "Father", true, 2);
        parent.setAddress(PARENT_STREET, null, "Testbury", "TE5 7AB");
        parent.setReachableBy(PARENT_EMAIL, "07700 900123", ContactMethod.EMAIL);
        contacts.save(parent);
        String processInstanceId = runtime.startProcessInstanceByKey(KEY, pupil.getUpn()).getId();
        Number caseId = (Number) runtime.getVariable(processInstanceId, RouteVariables.CASE_ID);
        return new Started(caseId.longValue(), processInstanceId, pupil.getUpn());
    }

    /** The id of the open task for {@code role}'s candidate group in the instance. */
    public String taskOf(Started route, Role role) {
        return tasks.createTaskQuery().processInstanceId(route.processInstanceId())
                .taskDefinitionKey("task_" + role.groupId()).singleResult().getId();
    }

    /** Starts the route and refers it, as the managers' task would. */
    public Started startReferred() {
        Started route = start();
        tasks.complete(taskOf(route, Role.ATTENDANCE_MANAGERS));
        return route;
    }
}
