package org.attendanceroutes.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logins against the engine's users. The engine checks the password, so its login throttling
 * holds: after wrong passwords it refuses the user for a while, even the right password. A
 * user's Camunda groups are their roles ({@code ROLE_} and the group id, as Spring Security's
 * {@code hasRole} and the servlet API's {@code isUserInRole} expect them).
 */
final class EngineUsers implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(EngineUsers.class);
    private static final String ROLE = "ROLE_";
    /** A school the user belongs to, as an authority: {@code SCHOOL_140001}. */
    private static final String SCHOOL = "SCHOOL_";

    private final IdentityService identity;

    EngineUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String userId = login.getName();
        if (!(login.getCredentials() instanceof String password && checkPassword(userId, password))) {
            log.info("refused login of user {}", userId);
            throw new BadCredentialsException("unknown user or wrong password");
        }
        return loggedIn(userId);
    }

    /** The engine's check; its failure (a database out of reach) is not a wrong password. */
    private boolean checkPassword(String userId, String password) {
        try {
            return identity.checkPassword(userId, password);
        } catch (ProcessEngineException failure) {
            throw new InternalAuthenticationServiceException("the engine could not check the password", failure);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The user, logged in with the roles of the groups they are in now and the schools (tenants) they belong to. */
    Authentication loggedIn(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        identity.createGroupQuery().groupMember(userId).list()
                .forEach(group -> authorities.add(new SimpleGrantedAuthority(ROLE + group.getId())));
        identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .forEach(tenant -> authorities.add(new SimpleGrantedAuthority(SCHOOL + tenant.getId())));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    /** The URNs of the schools a logged-in user belongs to. */
    static List<String> tenantIds(Collection<? extends GrantedAuthority> authorities) {
        return withPrefix(authorities, SCHOOL);
    }

    /** The Camunda groups behind roles: a logged-in user's, or those a rule asks for. */
    static List<String> groupIds(Collection<? extends GrantedAuthority> roles) {
        return withPrefix(roles, ROLE);
    }

    private static List<String> withPrefix(Collection<? extends GrantedAuthority> authorities, String prefix) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(prefix)).map(name -> name.substring(prefix.length())).toList();
    }
}
