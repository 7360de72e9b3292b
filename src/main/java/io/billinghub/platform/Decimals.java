package io.billinghub.platform;

import java.math.BigDecimal;

/** Amounts read from text (files, APIs): exact decimals, plain or in scientific notation, never through double. */
public final class Decimals {

    /**
     * Longer text is refused before it is parsed: BigDecimal takes seconds over a megabyte of digits, and no amount
     * the hub stores needs more than a few dozen characters.
     */
    static final int MAX_TEXT = 40;

    private Decimals() {
    }

    /**
     * An exact decimal that fits a numeric column with {@code integerDigits} digits before the point and
     * {@code decimals} after it (trailing zeros aside), so that it reads back from the database as it was written:
     * a value that does not fit is refused, never rounded or left to overflow there.
     *
     * @param field the name of the column or field, for the message
     * @throws IllegalArgumentException naming the field, when the text is empty, not a decimal number, or too large
     *                                  or too fine for the column
     */
    public static BigDecimal parse(String field, String text, int integerDigits, int decimals) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(field + " '" + text.substring(0, MAX_TEXT) + "…' is not a decimal"
                    + " number: " + text.length() + " characters long");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a decimal number");
        }
        BigDecimal significant = value.stripTrailingZeros();
        if (significant.scale() > decimals) {
            throw new IllegalArgumentException(field + " " + text + " has more than " + decimals + " decimals");
        }
        // in long: the scale of 1E+2147483647 is Integer.MIN_VALUE + 1
        if ((long) significant.precision() - significant.scale() > integerDigits) {
            throw new IllegalArgumentException(field + " " + text + " has more than " + integerDigits
                    + " digits before the decimal point");
        }
        // 1E+2 becomes 100: a negative scale would print as exponent notation downstream
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * A reference amount as text, the same whether it was parsed from its file (95.00) or read back from a numeric
     * column of wider scale (95.0000): trailing zeros dropped, but never fewer than two decimals.
     */
    public static String display(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString();
    }
}
