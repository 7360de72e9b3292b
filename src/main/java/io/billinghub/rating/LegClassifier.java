package io.billinghub.rating;

import io.billinghub.extraction.UsageLeg;

/**
 * Classifies a leg before rating. Monitor and whisper legs share the customer's callId but are internal media:
 * counting them would dilute cost per minute, so they are tagged, not rated.
 */
public final class LegClassifier {

    public LegClass classify(UsageLeg leg) {
        if (is(leg.callType(), "monitor")) {
            return LegClass.MONITOR;
        }
        if (is(leg.callType(), "whisper")) {
            return LegClass.WHISPER;
        }
        if (is(leg.direction(), "internal") || is(leg.callType(), "internal")) {
            return LegClass.INTERNAL;
        }
        if (!is(leg.callOutcome(), "answered")) {
            return LegClass.UNANSWERED;
        }
        if (leg.billingDurationSeconds() <= 0) {
            return LegClass.ZERO_DURATION;
        }
        if (is(leg.callType(), "voip") && is(leg.direction(), "outbound")) {
            return LegClass.CARRIER;
        }
        return LegClass.NON_CARRIER;
    }

    private static boolean is(String value, String expected) {
        // exact spelling first: it is how nearly every record writes it
        return value != null && (value.equals(expected) || value.trim().equalsIgnoreCase(expected));
    }
}
