package io.billinghub.badinput;

import io.billinghub.support.ReadmeSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The README table of bad input: one row per format and mutation, summed over the cases that ran. */
final class BadInputTable {

    static final String SECTION = "bad-input-table";
    private static final List<String> HEADER = List.of("Format", "Mutation", "Cases", "Records in", "Accepted",
            "Rejected", "Outcome");

    private record Key(Format format, String mutation) {
    }

    private static final class Tally {
        private int cases;
        private int in;
        private int accepted;
        private int rejected;
        private final Set<String> outcomes = new LinkedHashSet<>();
    }

    private final Map<Key, Tally> rows = new TreeMap<>(Comparator.comparing(Key::format)
            .thenComparing(Key::mutation));
    private int cases;

    /** Counts a case that gave its stated outcome: records as the parser reported them, or refused whole. */
    void add(CorpusCase input, Observed observed) {
        Tally tally = rows.computeIfAbsent(new Key(input.format(), input.mutation()), k -> new Tally());
        tally.cases++;
        if (observed instanceof Observed.Records records) {
            tally.in += records.recordsIn();
            tally.accepted += records.accepted();
            tally.rejected += records.rejected().size();
        } else {
            tally.in += input.expected().recordsIn();
            tally.rejected += input.expected().recordsIn();
        }
        tally.outcomes.add(input.expected().outcome(input.format()));
        cases++;
    }

    int cases() {
        return cases;
    }

    List<String> lines() {
        List<List<String>> lines = new ArrayList<>();
        Tally total = new Tally();
        rows.forEach((key, t) -> {
            lines.add(List.of(key.format().label(), "`" + key.mutation() + "`", n(t.cases), n(t.in), n(t.accepted),
                    n(t.rejected), String.join("; ", t.outcomes)));
            total.cases += t.cases;
            total.in += t.in;
            total.accepted += t.accepted;
            total.rejected += t.rejected;
        });
        lines.add(List.of("**All**", "", n(total.cases), n(total.in), n(total.accepted), n(total.rejected), ""));
        return ReadmeSection.table(HEADER, lines);
    }

    private static String n(int value) {
        return String.format("%,d", value);
    }
}
