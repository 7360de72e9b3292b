package io.billinghub.faults;

import io.billinghub.support.ReadmeSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The README's table of dependency faults tried: one row per fault and pipeline, recorded by the test that injected
 * the fault from the counters and figures it asserted. When every declared fault and pipeline ran, the table must
 * be exactly the README's; a run of some tests only checks (or rewrites) the rows it produced.
 */
final class FaultTable {

    static final String SECTION = "dependency-faults-table";
    private static final List<String> HEADER = List.of("Fault", "Pipeline", "Injected", "Outcome");

    /** Rows by fault and pipeline label. */
    private static final Map<String, List<String>> ROWS = new TreeMap<>();

    private FaultTable() {
    }

    static synchronized void record(String fault, String pipeline, String injected, String outcome) {
        ROWS.put(key(fault, pipeline), List.of(fault, pipeline, injected, outcome));
    }

    /**
     * Compares the README with the recorded rows. {@code order} gives every declared row's key in table order; a
     * README row not recorded in this run is kept only when not all declared rows ran.
     */
    static synchronized void verify(List<String> order) {
        ReadmeSection section = ReadmeSection.of(SECTION);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        if (!ROWS.keySet().equals(Set.copyOf(order))) {
            section.lines().stream().skip(2).map(ReadmeSection::cells)
                    .forEach(cells -> rows.put(key(cells.get(0), cells.get(1)), cells));
        }
        rows.putAll(ROWS);
        List<List<String>> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingInt(row -> {
            int at = order.indexOf(key(row.get(0), row.get(1)));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        section.verify(ReadmeSection.table(HEADER, sorted));
    }

    static String key(String fault, String pipeline) {
        return fault + " / " + pipeline;
    }
}
