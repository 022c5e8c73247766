package org.attendanceroutes.attendance;

import java.sql.SQLException;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.attendanceroutes.calendar.CalendarService;
import org.attendanceroutes.demo.LargeDataSet;
import org.springframework.context.ConfigurableApplicationContext;

/** The benchmarks' local authority: 150 schools, 100,000 pupils, a year of marks to the last day of 2026-27. */
final class BenchmarkDataSet {

    static final int FIRST_URN = 920000;
    static final String LA_CODE = "920";
    static final int SCHOOLS = 150;
    static final int PUPILS = 100_000;
    static final long SEED = 20260901;
    /** The last school day of 2026-27 in the demo calendar: a whole year of 380 sessions. */
    static final LocalDate TODAY = LocalDate.of(2027, 7, 20);

    private BenchmarkDataSet() {
    }

    static LargeDataSet.Loaded ensureLoaded(ConfigurableApplicationContext context) throws SQLException {
        long started = System.nanoTime();
        LargeDataSet.Loaded loaded = new LargeDataSet(context.getBean(DataSource.class),
                context.getBean(CalendarService.class), SEED).load(FIRST_URN, LA_CODE, SCHOOLS, PUPILS, TODAY);
        System.out.printf("data set: %d schools, %d pupils, %,d marks (ready in %.1f s)%n", loaded.schools(),
                loaded.pupils(), loaded.marks(), (System.nanoTime() - started) / 1e9);
        return loaded;
    }
}
