package io.billinghub.platform;

import java.math.BigDecimal;

/** Amounts read from text (files, APIs): exact decimals, plain or in scientific notation, never through double. */
public final class Decimals {

    private Decimals() {
    }

    /**
     * @param field the name of the column or field, for the message
     * @throws IllegalArgumentException when the text is empty or not a decimal number
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException(field + " is empty");
        }
        try {
            BigDecimal value = new BigDecimal(text);
            // 1E+2 becomes 100: a negative scale would print as exponent notation downstream
            return value.scale() < 0 ? value.setScale(0) : value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a decimal number");
        }
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
