package io.billinghub.referencedata.chargeback;

import io.billinghub.referencedata.ActiveReference;
import org.springframework.stereotype.Component;

/** The chargeback reference version in force. */
@Component
public class ActiveChargebackReference extends ActiveReference<ActiveChargebackReference.Snapshot> {

    /** An activated version. */
    public record Snapshot(long versionId, ChargebackReferenceData data) {
    }

    public ActiveChargebackReference() {
        super("chargeback");
    }

    public void activate(long versionId, ChargebackReferenceData data) {
        set(new Snapshot(versionId, data));
    }
}
