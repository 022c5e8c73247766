package org.attendanceroutes.school;

import java.lang.reflect.Field;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each school is a Camunda tenant whose id is its URN: the routes, the review and the forms are
 * deployed once, without a tenant, and every instance started from them gets the school of its
 * pupil (business key the UPN) or its school (business key the URN) as tenant, and with it its
 * tasks, jobs, variables, incidents and history. The engine's tenant check then shows a user only
 * the instances of the schools they are a member of, in Tasklist, Cockpit and the REST API.
 *
 * <p>An instance started by a call activity takes its caller's tenant. The daily review, started
 * by its timer or by the application without a user, belongs to no school. A user who starts an
 * instance the provider cannot place in a school is refused: it would be visible to everyone.
 */
@Component
public class SchoolTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private final ObjectProvider<JdbcTemplate> jdbc;

    SchoolTenants(ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    /** Creates the school's tenant, or renames it after the school. */
    static void ensureTenant(IdentityService identity, School school) {
        Tenant tenant = identity.createTenantQuery().tenantId(school.getUrn()).singleResult();
        if (tenant == null) {
            tenant = identity.newTenant(school.getUrn());
        } else if (school.getName().equals(tenant.getName())) {
            return;
        }
        tenant.setName(school.getName());
        identity.saveTenant(tenant);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext context) {
        DelegateExecution caller = context.getSuperExecution();
        if (caller != null) {
            return caller.getTenantId();
        }
        String businessKey = businessKeyOfTheStart();
        String urn = businessKey == null ? null : schoolOf(businessKey);
        if (urn != null) {
            return urn;
        }
        Authentication user = Context.getCommandContext().getAuthentication();
        if (user == null) {
            return null;
        }
        List<String> tenants = user.getTenantIds();
        if (tenants != null && tenants.size() == 1) {
            return tenants.get(0);
        }
        throw new IllegalArgumentException("cannot tell which school this instance of "
                + context.getProcessDefinition().getKey() + " belongs to: start it with a pupil's UPN or a school's URN"
                + " as business key" + (businessKey == null ? "" : " ('" + businessKey + "' is neither)"));
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext context) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext context) {
        return context.getExecution() == null ? null : context.getExecution().getTenantId();
    }

    /** The URN of the school of the pupil with this UPN, or of the school with this URN, or null. */
    private String schoolOf(String businessKey) {
        List<String> urns = jdbc.getObject().queryForList("""
                select s.urn from pupil p join school s on s.id = p.school_id where p.upn = ?
                union select urn from school where urn = ?""", String.class, businessKey, businessKey);
        return urns.size() == 1 ? urns.get(0) : null;
    }

    /**
     * The business key the instance is being started with. The provider is not given it, so it is
     * read from the start command (Camunda 7.24's StartProcessInstanceCmd and
     * StartProcessInstanceAtActivitiesCmd keep it in their builder); SchoolTenantsTest fails if an
     * upgrade moves it.
     */
    private static String businessKeyOfTheStart() {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        if (invocation == null) {
            return null;
        }
        for (Class<?> type = invocation.getCommand().getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field builder = type.getDeclaredField("instantiationBuilder");
                builder.setAccessible(true);
                return ((ProcessInstantiationBuilderImpl) builder.get(invocation.getCommand())).getBusinessKey();
            } catch (NoSuchFieldException notThisType) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read the business key of " + invocation.getCommand(), e);
            }
        }
        return null;
    }
}
