package org.attendanceroutes.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the engine without an administrator password: outside the demo there is no
 * default one, and it must come from the environment (ATTENDANCE_ADMIN_PASSWORD).
 */
@Component
public class AdministratorPasswordCheck extends AbstractProcessEnginePlugin {

    private final String password;

    AdministratorPasswordCheck(@Value("${camunda.bpm.admin-user.password:}") String password) {
        this.password = password;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("No administrator password: set the environment variable"
                    + " ATTENDANCE_ADMIN_PASSWORD (and ATTENDANCE_ADMIN_USER, default 'admin') before starting");
        }
    }
}
