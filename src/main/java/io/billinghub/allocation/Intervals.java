package io.billinghub.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Peak concurrency of half-open time intervals: the most that are open at one instant. */
final class Intervals {

    private final List<Instant[]> intervals = new ArrayList<>();

    void add(Instant start, Instant end) {
        if (end.isAfter(start)) {
            intervals.add(new Instant[] {start, end});
        }
    }

    int peak() {
        List<long[]> events = new ArrayList<>();
        for (Instant[] i : intervals) {
            // an end sorts before a start at the same instant: [a, b) and [b, c) never overlap
            events.add(new long[] {i[0].getEpochSecond() * 1_000_000_000L + i[0].getNano(), 1});
            events.add(new long[] {i[1].getEpochSecond() * 1_000_000_000L + i[1].getNano(), -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int peak = 0;
        for (long[] e : events) {
            open += (int) e[1];
            peak = Math.max(peak, open);
        }
        return peak;
    }
}
