package org.attendanceroutes.attendance;

import java.util.Arrays;

/** Medians and the machine, as the README quotes them. */
final class Benchmarks {

    private Benchmarks() {
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static void printMachine() {
        System.out.printf("machine: %d cores (Runtime.availableProcessors), Java %s, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
