package io.billinghub.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Measures one contender: wall time, peak heap (sampled every 10 ms, garbage not yet collected included) and the
 * process's peak resident memory (Linux VmHWM, reset
 * before each contender through /proc/self/clear_refs so that each gets its own peak).
 */
final class Meter {

    record Measure(String name, long legs, long nanos, long peakHeap, long peakRss) {

        double seconds() {
            return nanos / 1e9;
        }

        double legsPerSecond() {
            return legs / seconds();
        }
    }

    private Meter() {
    }

    static <T> T measure(String name, long legs, Callable<T> work, List<Measure> into) throws Exception {
        System.gc();
        resetPeakRss();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        long[] peak = new long[1];
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
                peak[0] = Math.max(peak[0], used);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "benchmark-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        T result;
        try {
            result = work.call();
        } finally {
            long nanos = System.nanoTime() - started;
            sampler.interrupt();
            sampler.join();
            into.add(new Measure(name, legs, nanos, peak[0], peakRss()));
        }
        return result;
    }

    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or not allowed: the peak then covers the process so far, which the table says
        }
    }

    /** VmHWM in bytes, or -1 where /proc is not there. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
