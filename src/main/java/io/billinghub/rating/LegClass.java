package io.billinghub.rating;

/**
 * What a leg is, for carrier cost. Only {@link #CARRIER} legs (answered, billable, leaving through a carrier)
 * carry carrier cost; the others are kept and reported but never enter cost per minute.
 */
public enum LegClass {
    CARRIER,
    MONITOR,
    WHISPER,
    INTERNAL,
    UNANSWERED,
    ZERO_DURATION,
    NON_CARRIER;

    public boolean carriesCarrierCost() {
        return this == CARRIER;
    }
}
