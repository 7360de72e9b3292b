package io.billinghub.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.platform.Decimals;
import io.billinghub.platform.Reasons;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * The fields of a vendor's JSON record. A field of the wrong type (an object or an array where a value belongs, a
 * number where a date belongs, words where a number or a flag belongs) is never read as empty, zero or false: it
 * throws an {@link IllegalArgumentException} naming the field, which rejects the record.
 */
public final class JsonFields {

    private static final String INSTANT = "an ISO-8601 instant";

    private JsonFields() {
    }

    /** A value as text (a number's text too); null when missing or null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException(field + " must be a value, not " + Reasons.shorten(value.toString()));
        }
        return value.asText();
    }

    /** A value that must be there and not blank. */
    public static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** An ISO-8601 instant, as text; required. */
    public static Instant instant(JsonNode node, String field) {
        required(node, field);
        return parsed(node, field, INSTANT, Instant::parse);
    }

    /** An ISO-8601 instant, as text; null when missing or null. */
    public static Instant optionalInstant(JsonNode node, String field) {
        return text(node, field) == null ? null : parsed(node, field, INSTANT, Instant::parse);
    }

    /** A yyyy-MM-dd day, as text; null when missing or null. */
    public static LocalDate optionalDate(JsonNode node, String field) {
        return text(node, field) == null ? null : parsed(node, field, "a date (yyyy-MM-dd)", LocalDate::parse);
    }

    /** A date or time written as text (a number is not one, whatever it counts). */
    private static <T> T parsed(JsonNode node, String field, String what, Function<String, T> parser) {
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be " + what + " as text, not " + value);
        }
        try {
            return parser.apply(value.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + value.asText() + "' is not " + what);
        }
    }

    /**
     * A decimal from its text or a JSON number's text (never through a double), as a numeric column with
     * {@code integerDigits} before the point and {@code decimals} after it keeps it; required.
     */
    public static BigDecimal decimal(JsonNode node, String field, int integerDigits, int decimals) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a decimal number, was "
                    + Reasons.shorten(value.toString()));
        }
        return Decimals.parse(field, value.asText(), integerDigits, decimals);
    }

    /** A whole number of at most int range that is not negative; null when missing or null. */
    public static Integer optionalCount(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new IllegalArgumentException(field + " must be a whole number >= 0, was "
                    + Reasons.shorten(value.toString()));
        }
        return value.asInt();
    }

    /** true or false; {@code absent} when missing or null. */
    public static boolean flag(JsonNode node, String field, boolean absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false, was "
                    + Reasons.shorten(value.toString()));
        }
        return value.booleanValue();
    }
}
