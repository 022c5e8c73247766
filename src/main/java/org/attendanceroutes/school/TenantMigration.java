package org.attendanceroutes.school;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, before anything else runs: each school has its tenant, and route instances
 * started before schools were tenants (running or finished) get their school's tenant, with every
 * engine row that belongs to them (tasks, jobs, variables, incidents, history). Camunda offers no
 * command to move an instance to a tenant, so the rows are updated in SQL, in one transaction.
 * An instance whose business key is no pupil's UPN and no school's URN is left as it is (the
 * daily review, or one of a pupil since deleted): the README, "Walls between schools", says what
 * an upgrading site does with those.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TenantMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TenantMigration.class);
    private static final int CHUNK = 500;

    /** The engine's tables with a tenant, and the column naming the root process instance of a row. */
    private static final List<String> BY_ROOT_INSTANCE = List.of("ACT_RU_EXECUTION", "ACT_RU_JOB", "ACT_GE_BYTEARRAY",
            "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK", "ACT_HI_COMMENT", "ACT_HI_ATTACHMENT", "ACT_HI_OP_LOG", "ACT_HI_INCIDENT",
            "ACT_HI_JOB_LOG", "ACT_HI_EXT_TASK_LOG", "ACT_HI_DECINST", "ACT_HI_DEC_IN", "ACT_HI_DEC_OUT");
    /** The runtime tables without a root instance column: their rows are found by their own instance. */
    private static final List<String> BY_INSTANCE = List.of("ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_EVENT_SUBSCR",
            "ACT_RU_INCIDENT", "ACT_RU_EXT_TASK");

    private final JdbcTemplate jdbc;
    private final IdentityService identity;
    private final SchoolRepository schools;

    TenantMigration(JdbcTemplate jdbc, IdentityService identity, SchoolRepository schools) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.schools = schools;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments arguments) {
        schools.findAll().forEach(school -> SchoolTenants.ensureTenant(identity, school));
        Map<String, List<String>> rootsBySchool = new HashMap<>();
        jdbc.query("""
                select i.PROC_INST_ID_, coalesce(s.urn, t.urn) from ACT_HI_PROCINST i
                left join pupil p on p.upn = i.BUSINESS_KEY_ left join school s on s.id = p.school_id
                left join school t on t.urn = i.BUSINESS_KEY_
                where i.TENANT_ID_ is null and i.PROC_INST_ID_ = i.ROOT_PROC_INST_ID_
                and (s.urn is not null or t.urn is not null)""",
                (RowCallbackHandler) row -> rootsBySchool.computeIfAbsent(row.getString(2), urn -> new ArrayList<>())
                        .add(row.getString(1)));
        int instances = 0;
        for (Map.Entry<String, List<String>> school : rootsBySchool.entrySet()) {
            List<String> roots = school.getValue();
            for (int from = 0; from < roots.size(); from += CHUNK) {
                List<String> chunk = roots.subList(from, Math.min(roots.size(), from + CHUNK));
                instances += migrate(school.getKey(), chunk);
            }
        }
        if (instances > 0) {
            log.info("tenants: {} process instances of {} schools moved to their school's tenant", instances,
                    rootsBySchool.size());
        }
    }

    /** Moves these root instances, their called instances and all their rows to the school's tenant. */
    private int migrate(String urn, List<String> roots) {
        String rootList = placeholders(roots.size());
        List<String> instances = jdbc.queryForList("select PROC_INST_ID_ from ACT_HI_PROCINST where ROOT_PROC_INST_ID_ in ("
                + rootList + ")", String.class, roots.toArray());
        String instanceList = placeholders(instances.size());
        for (String table : BY_ROOT_INSTANCE) {
            update(table, "ROOT_PROC_INST_ID_ in (" + rootList + ")", urn, roots);
        }
        for (String table : BY_INSTANCE) {
            update(table, "PROC_INST_ID_ in (" + instanceList + ")", urn, instances);
        }
        update("ACT_RU_IDENTITYLINK", "TASK_ID_ in (select ID_ from ACT_RU_TASK where PROC_INST_ID_ in ("
                + instanceList + "))", urn, instances);
        return instances.size();
    }

    private void update(String table, String where, String urn, List<String> ids) {
        List<Object> arguments = new ArrayList<>(ids.size() + 1);
        arguments.add(urn);
        arguments.addAll(ids);
        jdbc.update("update " + table + " set TENANT_ID_ = ? where TENANT_ID_ is null and " + where, arguments.toArray());
    }

    private static String placeholders(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
