package io.billinghub.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One row in PostgreSQL's binary COPY format, built in a reused buffer: a field count, then per field its length
 * (-1 for null) and its value as the server's receive function reads it. The server then does not parse text for
 * every timestamp, number and date of a file of millions of rows, which is most of what a text COPY costs it.
 */
final class PgBinaryRow {

    /** The column types a row can hold, by the name PostgreSQL's {@code regtype} gives them. */
    enum Type {
        TEXT, INT4, INT8, NUMERIC, DATE, TIMESTAMPTZ;

        static Type of(String regtype) {
            return switch (regtype) {
                case "text", "character varying", "character" -> TEXT;
                case "integer" -> INT4;
                case "bigint" -> INT8;
                case "numeric" -> NUMERIC;
                case "date" -> DATE;
                case "timestamp with time zone" -> TIMESTAMPTZ;
                default -> throw new IllegalArgumentException("no binary COPY encoding for column type " + regtype);
            };
        }
    }

    /** The file's signature, flags and header extension length, then the trailer (a field count of -1). */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0,
            0};
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    /** PostgreSQL counts dates and times from 2000-01-01 (UTC). */
    private static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400;
    private static final int NUMERIC_NEG = 0x4000;
    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000};

    private byte[] buffer = new byte[512];
    private int length;
    private short[] digits = new short[8];

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    void start(int fields) {
        length = 0;
        putShort(fields);
    }

    private void putNull() {
        putInt(-1);
    }

    /** A value as the column's type reads it; the Java type must be one that type takes. */
    void put(Type type, Object value) {
        if (value == null) {
            putNull();
            return;
        }
        switch (type) {
            case TEXT -> putText(value.toString());
            case INT4 -> {
                putInt(4);
                putInt(Math.toIntExact(((Number) value).longValue()));
            }
            case INT8 -> {
                putInt(8);
                putLong(((Number) value).longValue());
            }
            case NUMERIC -> putNumeric((BigDecimal) value);
            case DATE -> {
                putInt(4);
                putInt(Math.toIntExact(((LocalDate) value).toEpochDay() - EPOCH_DAY_2000));
            }
            case TIMESTAMPTZ -> {
                Instant instant = (Instant) value;
                // microseconds, as the server keeps them (a nanosecond remainder is rounded, as text input is)
                long micros = Math.addExact(Math.multiplyExact(instant.getEpochSecond() - EPOCH_SECOND_2000,
                        1_000_000L), (instant.getNano() + 500) / 1_000);
                putInt(8);
                putLong(micros);
            }
        }
    }

    private void putText(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        putInt(utf8.length);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buffer, length, utf8.length);
        length += utf8.length;
    }

    /**
     * PostgreSQL's numeric: base-10000 digits with the weight of the first (in groups of four decimal digits from
     * the point), a sign and the display scale; leading and trailing zero digits are left out.
     */
    private void putNumeric(BigDecimal value) {
        BigDecimal decimal = value.scale() < 0 ? value.setScale(0) : value;
        int scale = decimal.scale();
        // pad the fraction to whole groups of four: the digits then split at the point
        int pad = (4 - scale % 4) % 4;
        int fractionGroups = (scale + pad) / 4;
        BigInteger unscaled = decimal.unscaledValue().abs();
        // up to 14 digits (17 with the padding) the split is done in a long
        int count = decimal.precision() <= 14 ? groups(unscaled.longValue() * POWERS_OF_TEN[pad])
                : groups(unscaled.multiply(BigInteger.TEN.pow(pad)));
        // digits[0..count) hold the groups, least significant first
        int first = count - 1;
        int last = 0;
        while (last < count && digits[last] == 0) {
            last++;
        }
        int weight = count - fractionGroups - 1;
        while (first >= last && digits[first] == 0) {
            first--;
            weight--;
        }
        int ndigits = first >= last ? first - last + 1 : 0;
        putInt(8 + 2 * ndigits);
        putShort(ndigits);
        putShort(ndigits == 0 ? 0 : weight);
        putShort(decimal.signum() < 0 ? NUMERIC_NEG : 0);
        putShort(scale);
        for (int i = first; i >= last; i--) {
            putShort(digits[i]);
        }
    }

    /** Splits a value into base-10000 digits, least significant first. */
    private int groups(long value) {
        int count = 0;
        do {
            digits[count++] = (short) (value % 10_000);
            value /= 10_000;
        } while (value != 0);
        return count;
    }

    private int groups(BigInteger value) {
        // a base-10000 digit takes more than 13 bits
        digits = new short[Math.max(digits.length, value.bitLength() / 13 + 2)];
        BigInteger base = BigInteger.valueOf(10_000);
        int count = 0;
        do {
            BigInteger[] divided = value.divideAndRemainder(base);
            digits[count++] = divided[1].shortValue();
            value = divided[0];
        } while (value.signum() != 0);
        return count;
    }

    private void putShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putInt(int value) {
        ensure(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void putLong(long value) {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
