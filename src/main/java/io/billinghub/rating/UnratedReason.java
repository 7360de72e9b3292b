package io.billinghub.rating;

public enum UnratedReason {
    /** The leg's carrierName is not a carrier of the reference data. */
    UNKNOWN_CARRIER,
    /** The carrier is known but no prefix of the destination has a row in force at the leg's start. */
    NO_RATE,
    /** The destination number has no digits to match. */
    NO_DESTINATION
}
