package org.attendanceroutes.attendance;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.attendanceroutes.attendance.AttendanceEvaluation.PupilSummary;
import org.attendanceroutes.attendance.AttendanceEvaluation.SchoolSummaries;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole local authority evaluated straight from PostgreSQL (every pupil's year to date, half
 * terms, last 10 school weeks and the rest) beside a plain SQL GROUP BY over the same marks, in
 * the same run. Target: at most 10 s for 100,000 pupils and 38 M marks.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.attendanceroutes.attendance.EvaluationBenchmark [-Dexec.args=JDBC_URL]</pre>
 *
 * The first run loads the data set ({@link BenchmarkDataSet}) into the database, which takes minutes.
 */
public final class EvaluationBenchmark {

    static final int WARM_UP = 1;
    static final int MEASURED = 5;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext context = BenchmarkContext.start(args)) {
            BenchmarkDataSet.ensureLoaded(context);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            AuthorityEvaluation evaluation = context.getBean(AuthorityEvaluation.class);
            LocalDate today = BenchmarkDataSet.TODAY;
            // what autovacuum does to a table at rest: statistics, hint bits, the visibility map
            jdbc.execute("vacuum analyze attendance_mark");
            Long marks = jdbc.queryForObject("select count(*) from attendance_mark where mark_date <= ?", Long.class, today);
            Benchmarks.printMachine();
            System.out.printf("PostgreSQL: %s; %,d marks up to %s%n", jdbc.queryForObject("show server_version", String.class),
                    marks, today);

            double[] evaluations = new double[MEASURED];
            double[] groupBys = new double[MEASURED];
            for (int run = 0; run < WARM_UP + MEASURED; run++) {
                long started = System.nanoTime();
                AtomicLong pupils = new AtomicLong();
                AtomicLong possible = new AtomicLong();
                evaluation.evaluateAll(today, new SchoolSummaries() {
                    @Override
                    public void evaluated(Long schoolId, List<PupilSummary> summaries) {
                        pupils.addAndGet(summaries.size());
                        summaries.forEach(s -> possible.addAndGet(s.summary().yearToDate().possibleSessions()));
                    }

                    @Override
                    public void failed(Long schoolId, RuntimeException reason) {
                        throw reason;
                    }
                });
                double evaluated = Benchmarks.seconds(started);

                started = System.nanoTime();
                AtomicLong groups = new AtomicLong();
                jdbc.query("select pupil_id, code, count(*) from attendance_mark where mark_date between ? and ?"
                        + " group by pupil_id, code", rows -> {
                    groups.incrementAndGet();
                }, LocalDate.of(2026, 9, 1), today);
                double grouped = Benchmarks.seconds(started);
                if (run >= WARM_UP) {
                    evaluations[run - WARM_UP] = evaluated;
                    groupBys[run - WARM_UP] = grouped;
                }
                System.out.printf("  run %d%s: evaluation %.2f s (%,d pupils, %,d possible sessions), GROUP BY %.2f s (%,d groups)%n",
                        run + 1, run < WARM_UP ? " (warm-up)" : "", evaluated, pupils.get(), possible.get(), grouped, groups.get());
            }
            double evaluation50 = Benchmarks.median(evaluations);
            double groupBy50 = Benchmarks.median(groupBys);
            System.out.printf("median of %d runs: evaluation %.2f s (%.1f M marks/s), plain GROUP BY %.2f s; ratio %.2f;"
                            + " target 10 s: %s%n", MEASURED, evaluation50, marks / evaluation50 / 1e6, groupBy50,
                    evaluation50 / groupBy50, evaluation50 <= 10 ? "met" : "MISSED");
        }
    }
}
