package org.attendanceroutes.attendance;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.List;

import org.attendanceroutes.calendar.SchoolCalendar;
import org.attendanceroutes.school.TestSchools;

/**
 * The in-memory calculator on one core: the full summary (year to date, both half terms, the last
 * 10 school weeks, weekday pattern, days absent in a row) of 100,000 pupils with a whole year of
 * 380 sessions each, 38 M marks, generated with {@link RegisterGenerator}. Target: 40 M marks/s.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=org.attendanceroutes.attendance.CalculatorBenchmark [-Dexec.args=PUPILS]</pre>
 */
public final class CalculatorBenchmark {

    static final int WARM_UP = 5;
    static final int MEASURED = 11;

    public static void main(String[] args) {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : BenchmarkDataSet.PUPILS;
        SchoolCalendar calendar = TestSchools.demoCalendar().toSchoolCalendar();
        LocalDate today = BenchmarkDataSet.TODAY;
        ReportingPeriods periods = ReportingPeriods.of(calendar, today);
        List<LocalDate> days = calendar.schoolDays(periods.yearStart(), today);
        RegisterGenerator generator = new RegisterGenerator(BenchmarkDataSet.SEED);
        PupilRegister[] registers = new PupilRegister[pupils];
        LocalDate admission = LocalDate.of(2026, 9, 1);
        for (int i = 0; i < pupils; i++) {
            PupilRegister register = new PupilRegister(periods.schoolDays(), admission, null);
            generator.generate(i, days, admission, null, register::mark);
            registers[i] = register;
        }
        long marks = (long) pupils * days.size() * 2;
        Benchmarks.printMachine();
        System.out.printf("in-memory calculator, one thread: %,d pupils x %d sessions = %,d marks%n",
                pupils, days.size() * 2, marks);

        // CPU time beside wall-clock time: on a shared machine the thread is not always on its core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[MEASURED];
        double[] cpuRates = new double[MEASURED];
        long checksum = 0;
        for (int run = 0; run < WARM_UP + MEASURED; run++) {
            long started = System.nanoTime();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            for (PupilRegister register : registers) {
                AttendanceSummary summary = AttendanceCalculator.summary(register, periods);
                checksum += summary.yearToDate().attendedSessions() + summary.consecutiveDaysAbsent();
            }
            double seconds = Benchmarks.seconds(started);
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            if (run >= WARM_UP) {
                rates[run - WARM_UP] = marks / seconds;
                cpuRates[run - WARM_UP] = marks / cpuSeconds;
            }
            System.out.printf("  run %2d%s: %.3f s (CPU %.3f s), %,.0f marks/s%n", run + 1, run < WARM_UP ? " (warm-up)" : "",
                    seconds, cpuSeconds, marks / seconds);
        }
        double median = Benchmarks.median(rates);
        System.out.printf("median of %d runs: %.1f M marks/s (%.3f s a pass; by CPU time %.1f M marks/s);"
                        + " target 40 M marks/s: %s (checksum %d)%n", MEASURED, median / 1e6, marks / median,
                Benchmarks.median(cpuRates) / 1e6, median >= 40e6 ? "met" : "MISSED", checksum);
    }
}
