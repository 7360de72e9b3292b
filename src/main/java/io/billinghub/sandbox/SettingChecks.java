package io.billinghub.sandbox;

/** Start-up checks of the sandboxes' numeric settings, naming the property that is wrong. */
public final class SettingChecks {

    private SettingChecks() {
    }

    public static void positive(String property, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive, was " + value);
        }
    }

    public static void notNegative(String property, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(property + " must not be negative, was " + value);
        }
    }
}
