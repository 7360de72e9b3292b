package io.billinghub.invoices;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A carrier CSV file made as it is read, so that it never exists whole: {@code rows} LINE rows round robin over
 * three invoices (row i goes to INV-(i mod 3), on line i + 2), then a TOTAL each stating 1.00, 2.00 and 3.00. Row i
 * is leg-i, charges (i mod 1000) / 10,000, lasts 1.5 minutes and starts at 12:00 carrier time on October
 * 1 + (i mod 28), 2026. It counts the bytes read so far.
 */
public final class GeneratedCarrierCsv extends InputStream {

    public static final String HEADER = "record_type,invoice_number,invoice_date,currency,leg_reference,"
            + "destination_number,start_time,minutes,charge\n";

    private final int rows;
    /** Where each row ends in the stream (row 0 is line 2). */
    private final long[] rowEnds;
    private int next;
    private byte[] pending = HEADER.getBytes(StandardCharsets.US_ASCII);
    private int at;
    private long read;

    public GeneratedCarrierCsv(int rows) {
        this.rows = rows;
        this.rowEnds = new long[rows + 3];
    }

    /** The text of row {@code i}, without its line end. */
    public static String row(int i) {
        return "LINE,INV-" + i % 3 + ",2026-10-31,USD,leg-" + i + ",+14155550000,2026-10-"
                + String.format(Locale.ROOT, "%02d", 1 + i % 28) + "T12:00:00,1.5," + BigDecimal.valueOf(i % 1000, 4);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    /** As much as asked for, as a file would give it. */
    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n = 0;
        while (n < length && (at < pending.length || refill())) {
            int part = Math.min(length - n, pending.length - at);
            System.arraycopy(pending, at, buffer, offset + n, part);
            at += part;
            n += part;
            read += part;
        }
        return n == 0 && length > 0 ? -1 : n;
    }

    /** How far the stream has been read beyond the end of the row on {@code line}. */
    public long readBeyond(String line) {
        return read - rowEnds[Integer.parseInt(line.substring("line ".length())) - 2];
    }

    private boolean refill() {
        if (next == rows + 3) {
            return false;
        }
        String text = next < rows ? row(next)
                : "TOTAL,INV-" + (next - rows) + ",2026-10-31,USD,,,,," + (next - rows + 1) + ".00";
        pending = (text + "\n").getBytes(StandardCharsets.US_ASCII);
        at = 0;
        rowEnds[next] = read + pending.length;
        next++;
        return true;
    }
}
