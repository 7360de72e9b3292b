package io.billinghub.referencedata;

import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardIndex;
import io.billinghub.rating.RatingReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The telephony reference version in force, indexed in memory for rating. */
@Component
public class ActiveTelephonyReference extends ActiveReference<ActiveTelephonyReference.Snapshot> {

    /** An activated version with its indexes. */
    public record Snapshot(long versionId, TelephonyReferenceData data, RatingReference rating,
                           GlMappingIndex glMappings, EdgeCarrierIndex edgeCarriers) {

        public Optional<CarrierProfile> carrierById(String carrierId) {
            return data.carrierById(carrierId);
        }
    }

    public ActiveTelephonyReference() {
        super("telephony");
    }

    public void activate(long versionId, TelephonyReferenceData data) {
        Map<String, CarrierProfile> byName = new HashMap<>();
        data.carriers().forEach(c -> byName.put(c.carrierName(), c));
        set(new Snapshot(versionId, data,
                new RatingReference(versionId, Map.copyOf(byName), new RateCardIndex(data.rateCards())),
                new GlMappingIndex(data.glMappings()), new EdgeCarrierIndex(data.edgeCarriers())));
    }
}
