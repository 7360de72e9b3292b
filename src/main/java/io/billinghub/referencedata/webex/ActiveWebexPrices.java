package io.billinghub.referencedata.webex;

import io.billinghub.referencedata.ActiveReference;
import org.springframework.stereotype.Component;

/** The Webex SKU price list version in force. */
@Component
public class ActiveWebexPrices extends ActiveReference<ActiveWebexPrices.Snapshot> {

    /** An activated version. */
    public record Snapshot(long versionId, WebexPriceList prices) {
    }

    public ActiveWebexPrices() {
        super("webex-prices");
    }

    void activate(long versionId, WebexPriceList prices) {
        set(new Snapshot(versionId, prices));
    }
}
