package io.billinghub.referencedata.ledger;

import io.billinghub.calendar.BusinessCalendar;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The ledger reference version in force, with its business calendar; swapped atomically on activation. */
@Component
public class ActiveLedgerReference {

    /** An activated version. */
    public record Snapshot(long versionId, LedgerReferenceData data, BusinessCalendar calendar) {
    }

    private volatile Snapshot current;

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current);
    }

    public Snapshot require() {
        Snapshot snapshot = current;
        if (snapshot == null) {
            throw new IllegalStateException("no valid ledger reference data is loaded: fix the ledger files in the"
                    + " mapping directory (see the REFERENCE_DATA_REJECTED case in the exception queue)");
        }
        return snapshot;
    }

    void activate(long versionId, LedgerReferenceData data) {
        current = new Snapshot(versionId, data, data.calendar());
    }
}
