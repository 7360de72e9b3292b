package io.billinghub.referencedata;

import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardEntry;
import java.util.List;
import java.util.Optional;

/** The telephony-rating reference set: carriers, rate cards, GL mappings and edge carriers, valid together. */
public record TelephonyReferenceData(
        List<CarrierProfile> carriers,
        List<RateCardEntry> rateCards,
        List<GlMappingEntry> glMappings,
        List<EdgeCarrierEntry> edgeCarriers) {

    public Optional<CarrierProfile> carrierById(String carrierId) {
        return carriers.stream().filter(c -> c.carrierId().equals(carrierId)).findFirst();
    }
}
