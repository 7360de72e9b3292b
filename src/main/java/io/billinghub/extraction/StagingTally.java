package io.billinghub.extraction;

import io.billinghub.runs.PhaseCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an extraction's pages held and what staging did with them, page after page: records in = inserted + updated
 * + unchanged + rejected.
 */
public final class StagingTally {

    private long recordsIn;
    private long inserted;
    private long updated;
    private long unchanged;
    private long rejected;

    /** One page: its records, those rejected before staging, and what staging did with the rest. */
    public void add(long pageRecords, long pageRejected, UsageStaging.StageCounts counts) {
        recordsIn += pageRecords;
        rejected += pageRejected;
        inserted += counts.inserted();
        updated += counts.updated();
        unchanged += counts.unchanged();
    }

    public long recordsIn() {
        return recordsIn;
    }

    /**
     * The extraction phase of a run: the counts, and the caller's details followed by what staging did (a re-read
     * shows as unchanged records, not as new ones).
     */
    public PhaseCounts phase(String name, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("inserted", inserted);
        all.put("updated", updated);
        all.put("unchanged", unchanged);
        return PhaseCounts.input(name, recordsIn, inserted + updated + unchanged, rejected, all);
    }
}
