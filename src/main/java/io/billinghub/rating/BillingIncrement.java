package io.billinghub.rating;

/**
 * A carrier billing increment written first/next in seconds (60/60, 30/6, 6/6, 1/1): the first {@code first}
 * seconds are billed whole, then every started {@code next} seconds.
 */
public record BillingIncrement(int first, int next) {

    public BillingIncrement {
        if (first < 1 || next < 1) {
            throw new IllegalArgumentException("billing increment must be positive first/next seconds");
        }
    }

    /** Parses "first/next", e.g. "30/6". */
    public static BillingIncrement parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("billing increment '" + text + "' is not first/next, e.g. 60/60 or 6/6");
        }
        try {
            return new BillingIncrement(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("billing increment '" + text + "' is not first/next, e.g. 60/60 or 6/6");
        }
    }

    /** Billed seconds = max(first, first + next rounded up over the remainder); nothing billed for nothing used. */
    public int billedSeconds(int seconds) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds <= first) {
            return first;
        }
        int remainder = seconds - first;
        int steps = (remainder + next - 1) / next;
        return first + steps * next;
    }

    @Override
    public String toString() {
        return first + "/" + next;
    }
}
