package io.billinghub.referencedata;

import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardIndex;
import io.billinghub.rating.RatingReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The telephony reference version in force, indexed in memory. Swapped atomically when a new version is
 * activated, so a rating pass sees one version from start to end.
 */
@Component
public class ActiveTelephonyReference {

    /** An activated version with its indexes. */
    public record Snapshot(long versionId, TelephonyReferenceData data, RatingReference rating,
                           GlMappingIndex glMappings) {

        public Optional<CarrierProfile> carrierById(String carrierId) {
            return data.carrierById(carrierId);
        }
    }

    private volatile Snapshot current;

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current);
    }

    /** The version in force; fails clearly when no valid reference data has ever been loaded. */
    public Snapshot require() {
        Snapshot snapshot = current;
        if (snapshot == null) {
            throw new IllegalStateException("no valid telephony reference data is loaded: fix the files in the"
                    + " mapping directory (see the REFERENCE_DATA_REJECTED case in the exception queue)");
        }
        return snapshot;
    }

    public void activate(long versionId, TelephonyReferenceData data) {
        Map<String, CarrierProfile> byName = new HashMap<>();
        data.carriers().forEach(c -> byName.put(c.carrierName(), c));
        current = new Snapshot(versionId, data,
                new RatingReference(versionId, Map.copyOf(byName), new RateCardIndex(data.rateCards())),
                new GlMappingIndex(data.glMappings()));
    }
}
