package io.billinghub.rating;

public enum RatingStatus {
    /** A carrier leg priced from the rate card. */
    RATED,
    /** Not a carrier leg (monitor, whisper, internal, unanswered, zero duration): kept, never priced. */
    EXCLUDED,
    /** A carrier leg that could not be priced: kept without cost and raised in the exception queue. */
    UNRATED
}
