package org.attendanceroutes.demo;

import org.attendanceroutes.school.School;
import org.attendanceroutes.school.Schools;
import org.attendanceroutes.security.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo schools' staff, password "demo": in each school one user per role, named
 * {@code <role user>-<URN>} ({@code officer-140004}), a member of that school only; and the role
 * users themselves ({@code officer}, {@code manager}, ...) as a trust's central team, members of
 * all five. Runs at every start after the demo data and adds only what is missing.
 */
@Component
@Order(2)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    static final String PASSWORD = "demo";

    private final boolean enabled;
    private final Schools schools;
    private final IdentityService identity;

    DemoUsers(@Value("${attendance.demo.users}") boolean enabled, Schools schools, IdentityService identity) {
        this.enabled = enabled;
        this.schools = schools;
        this.identity = identity;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        if (!enabled) {
            return;
        }
        for (DemoSchools spec : DemoSchools.ALL) {
            School school = schools.byUrn(spec.urn()).orElse(null);
            if (school == null) {
                continue;
            }
            for (Role role : Role.values()) {
                if (role == Role.CAMUNDA_ADMIN) {
                    continue;
                }
                joinSchool(role.demoUserId(), school);
                String ofSchool = role.demoUserId() + "-" + school.getUrn();
                if (identity.createUserQuery().userId(ofSchool).count() == 0) {
                    User user = identity.newUser(ofSchool);
                    user.setFirstName(role.demoFirstName());
                    user.setLastName(role.demoLastName() + " (" + school.getName() + ")");
                    user.setPassword(PASSWORD);
                    user.setEmail(ofSchool + "@demo.attendance-routes.invalid");
                    identity.saveUser(user);
                    identity.createMembership(ofSchool, role.groupId());
                    log.info("created demo user {} in group {} at school {}", ofSchool, role.groupId(), school.getUrn());
                }
                joinSchool(ofSchool, school);
            }
        }
    }

    private void joinSchool(String userId, School school) {
        if (identity.createUserQuery().userId(userId).count() > 0
                && identity.createUserQuery().userId(userId).memberOfTenant(school.getUrn()).count() == 0) {
            identity.createTenantUserMembership(school.getUrn(), userId);
        }
    }
}
