package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.ActiveReference;
import org.springframework.stereotype.Component;

/** The CXone usage price list and team mapping version in force. */
@Component
public class ActiveCxoneUsageRates extends ActiveReference<ActiveCxoneUsageRates.Snapshot> {

    /** An activated version. */
    public record Snapshot(long versionId, CxoneUsageRates rates) {
    }

    public ActiveCxoneUsageRates() {
        super(CxoneUsageRateDataset.NAME);
    }

    void activate(long versionId, CxoneUsageRates rates) {
        set(new Snapshot(versionId, rates));
    }
}
