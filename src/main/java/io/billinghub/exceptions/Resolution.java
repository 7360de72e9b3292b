package io.billinghub.exceptions;

/** How a case was closed (domain notes §5): resolution kinds finance reports on. */
public enum Resolution {
    /** Re-injected into its route and processed. */
    REPLAYED,
    /** Corrected at the source or by a correcting entry. */
    FIXED,
    /** Accepted by the business as is; a note is mandatory. */
    ACCEPTED,
    /** The condition disappeared on a later run (e.g. a re-rated leg, a re-reconciled day). */
    AUTO_RESOLVED
}
