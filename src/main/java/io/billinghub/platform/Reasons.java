package io.billinghub.platform;

/**
 * Reasons are read in lists of cases: one that quotes a huge value (a megabyte field) is cut, and the value stays
 * whole in the case's payload.
 */
public final class Reasons {

    static final int MAX = 500;

    private Reasons() {
    }

    public static String shorten(String reason) {
        return reason == null || reason.length() <= MAX ? reason
                : reason.substring(0, MAX) + "… (" + reason.length() + " characters)";
    }
}
