package org.attendanceroutes.attendance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.attendanceroutes.review.AttendanceReview;
import org.attendanceroutes.review.EvaluateSchool;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The daily evaluation ({@code attendance-review}) of a whole local authority on PostgreSQL: the
 * data set of {@link BenchmarkDataSet} (150 schools spread over the five routes, 100,000 pupils,
 * 38 M marks). Two evenings: Monday 19 July 2027 starts the routes of every pupil who meets an
 * entry rule; Tuesday 20 July (the data set's last day, the last school day of the summer half
 * term: route 003's half-termly review) starts those who meet one since, and sends today's
 * figures to the cases opened on Monday. Target: at most 5 minutes an evening.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.attendanceroutes.attendance.ReviewBenchmark [-Dexec.args=JDBC_URL]</pre>
 *
 * The schools' jobs run one after another in this thread, as the job executor runs the exclusive
 * jobs of one process instance; the routes' own jobs (letters) are not run. The database must hold
 * no cases yet: the first run loads the data set (minutes); run again on a new database.
 */
public final class ReviewBenchmark {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/attendance_routes_review_bench";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final List<LocalDate> EVENINGS = List.of(BenchmarkDataSet.TODAY.minusDays(1), BenchmarkDataSet.TODAY);
    static final String ROUTES = "('attendance-action-routes', 'graduated-attendance-response',"
            + " 'attendance-interventions-framework', 'attendance-improvement-process', 'supporting-attendance-action-plan')";

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchmarkContext.start(args.length > 0 ? args : new String[]{DEFAULT_URL})) {
            BenchmarkDataSet.ensureLoaded(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            if (jdbc.queryForObject("select count(*) from intervention_case", Long.class) > 0) {
                System.out.println("this database holds cases from an earlier run: drop it and create it again");
                return;
            }
            jdbc.execute("vacuum analyze attendance_mark");
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            Benchmarks.printMachine();
            System.out.printf("PostgreSQL %s; engine: history level %s, job executor off (jobs run here, one thread)%n",
                    jdbc.queryForObject("show server_version", String.class),
                    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName());
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (LocalDate evening : EVENINGS) {
                ClockUtil.setCurrentTime(Date.from(evening.atTime(18, 30).atZone(LONDON).toInstant()));
                evening(evening, context, jdbc, engine.getManagementService(), meters);
            }
        } finally {
            ClockUtil.reset();
        }
    }

    private static void evening(LocalDate evening, ConfigurableApplicationContext context, JdbcTemplate jdbc,
                                ManagementService management, MeterRegistry meters) {
        Timer starts = meters.get(EvaluateSchool.STARTS_TIMER).timer();
        Timer correlations = meters.get(EvaluateSchool.CORRELATIONS_TIMER).timer();
        long startsBefore = starts.count();
        long correlationsBefore = correlations.count();
        long deliveredBefore = delivered(jdbc);
        long completedBefore = completed(jdbc);

        long began = System.nanoTime();
        String review = context.getBean(AttendanceReview.class).start(null).getId();
        int failures = 0;
        for (List<Job> jobs = jobs(management, review); !jobs.isEmpty(); jobs = jobs(management, review)) {
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    failures++;
                    System.out.println("  a school's job failed: " + e.getMessage());
                }
            }
        }
        double seconds = Benchmarks.seconds(began);

        long started = starts.count() - startsBefore;
        long attempted = correlations.count() - correlationsBefore;
        long delivered = delivered(jdbc) - deliveredBefore;
        long completed = completed(jdbc) - completedBefore;
        System.out.printf("%s: %.1f s end to end (target 300 s: %s); %d job failures%n", evening, seconds,
                seconds <= 300 ? "met" : "MISSED", failures);
        System.out.printf("  routes started: %,d (%.1f/s), p50 %.1f ms, p95 %.1f ms per start (over the run so far)%n",
                started, started / seconds, percentile(starts, 0.5), percentile(starts, 0.95));
        System.out.printf("  AttendanceUpdated: %,d correlations (%.1f/s) to open cases, %,d received by a waiting route;"
                        + " p50 %.1f ms, p95 %.1f ms per correlation%n", attempted, attempted / seconds, delivered,
                percentile(correlations, 0.5), percentile(correlations, 0.95));
        System.out.printf("  route instances completed in the run: %,d (%.1f/s); open cases now %,d%n", completed,
                completed / seconds, jdbc.queryForObject("select count(*) from intervention_case where status = 'OPEN'", Long.class));
    }

    private static List<Job> jobs(ManagementService management, String review) {
        return management.createJobQuery().processInstanceId(review).withRetriesLeft().list();
    }

    /** Messages received: the routes' message events passed (001 and 004 wait for it, 002 starts its event sub-process). */
    private static long delivered(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from act_hi_actinst where act_type_ in"
                + " ('intermediateMessageCatch', 'messageStartEvent') and proc_def_key_ in " + ROUTES, Long.class);
    }

    private static long completed(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from act_hi_procinst where end_time_ is not null and proc_def_key_ in "
                + ROUTES, Long.class);
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }
}
