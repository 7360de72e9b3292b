package io.billinghub.rating;

import java.util.Map;
import java.util.Optional;

/** One loaded reference-data version as rating needs it: carriers by usage name and the rate card index. */
public record RatingReference(long versionId, Map<String, CarrierProfile> carriersByName, RateCardIndex rateCards) {

    public Optional<CarrierProfile> carrier(String carrierName) {
        return Optional.ofNullable(carrierName).map(carriersByName::get);
    }
}
