package io.billinghub.referencedata.ledger;

import io.billinghub.calendar.BusinessCalendar;
import io.billinghub.referencedata.ActiveReference;
import org.springframework.stereotype.Component;

/** The ledger reference version in force, with its business calendar. */
@Component
public class ActiveLedgerReference extends ActiveReference<ActiveLedgerReference.Snapshot> {

    /** An activated version. */
    public record Snapshot(long versionId, LedgerReferenceData data, BusinessCalendar calendar) {
    }

    public ActiveLedgerReference() {
        super("ledger");
    }

    void activate(long versionId, LedgerReferenceData data) {
        set(new Snapshot(versionId, data, data.calendar()));
    }
}
