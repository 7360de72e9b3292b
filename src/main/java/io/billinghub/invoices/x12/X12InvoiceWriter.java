package io.billinghub.invoices.x12;

import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes invoices as an X12 811 interchange that {@link X12InvoiceParser} reads, as a carrier would send it: one
 * interchange with one CI functional group and one transaction set per invoice, {@code ~} ending each segment
 * followed by a line break, {@code *} between elements.
 *
 * <p>Per invoice: BIG, CUR when the currency is known, DTM*150/151 for the period, one HL holding a TCD per line
 * (connect date and time as local time in the carrier zone, whole seconds; TCD05 destination, TCD10 minutes,
 * TCD13 net charge), TDS, and a SAC for other charges. TDS01 is the stated total, or when there is none the lines'
 * charges plus other charges rounded HALF_UP to cents, in cents (two implied decimals). Local time is ambiguous in
 * the hour an autumn fall-back repeats: a call in its second occurrence reads back as the first.
 */
public class X12InvoiceWriter {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT);
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("uuMMdd", Locale.ROOT);
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm", Locale.ROOT);
    private static final DateTimeFormatter HHMMSS = DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT);
    private static final String DELIMITERS = "*~>";

    private final String senderId;
    private final String receiverId;
    private final Clock clock;

    /**
     * @param senderId   the carrier's interchange ID (ISA06, GS02), 2 to 15 characters
     * @param receiverId the hub's interchange ID (ISA08, GS03), 2 to 15 characters
     * @param clock      dates and times the interchange and group headers
     */
    public X12InvoiceWriter(String senderId, String receiverId, Clock clock) {
        this.senderId = isaId(senderId);
        this.receiverId = isaId(receiverId);
        this.clock = clock;
    }

    /**
     * @param controlNumber the interchange and group control number (ISA13, GS06), 1 to 999999999
     * @throws IllegalArgumentException when an invoice has no invoice date (BIG01 is mandatory), a stated total or
     *                                  other charges in fractions of a cent, or a value holding a delimiter
     */
    public String write(List<Invoice> invoices, ZoneId carrierZone, int controlNumber) {
        if (controlNumber < 1 || controlNumber > 999_999_999) {
            throw new IllegalArgumentException("control number " + controlNumber + " is not between 1 and 999999999");
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        String control = String.format(Locale.ROOT, "%09d", controlNumber);
        List<String> segments = new ArrayList<>();
        segments.add("ISA*00*          *00*          *ZZ*" + pad(senderId) + "*ZZ*" + pad(receiverId) + "*"
                + YYMMDD.format(now) + "*" + HHMM.format(now) + "*U*00401*" + control + "*0*P*>");
        segments.add(segment("GS", "CI", senderId, receiverId, CCYYMMDD.format(now), HHMM.format(now),
                String.valueOf(controlNumber), "X", "004010"));
        for (int i = 0; i < invoices.size(); i++) {
            segments.addAll(transactionSet(invoices.get(i), String.format(Locale.ROOT, "%04d", i + 1), carrierZone));
        }
        segments.add(segment("GE", String.valueOf(invoices.size()), String.valueOf(controlNumber)));
        segments.add(segment("IEA", "1", control));
        return String.join("~\n", segments) + "~\n";
    }

    private List<String> transactionSet(Invoice invoice, String setControl, ZoneId carrierZone) {
        if (invoice.invoiceDate() == null) {
            throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + " has no invoice date for BIG01");
        }
        List<String> set = new ArrayList<>();
        set.add(segment("ST", "811", setControl));
        set.add(segment("BIG", CCYYMMDD.format(invoice.invoiceDate()), invoice.invoiceNumber()));
        if (invoice.currency() != null) {
            set.add(segment("CUR", "SE", invoice.currency()));
        }
        addPeriod(set, "150", invoice.periodStart());
        addPeriod(set, "151", invoice.periodEnd());
        set.add(segment("HL", "1", "", "1"));
        BigDecimal lineCharges = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.lines()) {
            LocalDateTime local = LocalDateTime.ofInstant(line.startTime(), carrierZone);
            boolean hasDestination = line.destinationNumber() != null;
            // ZZ: mutually defined location qualifier
            set.add(segment("TCD", line.legReference(), CCYYMMDD.format(local), HHMMSS.format(local),
                    hasDestination ? "ZZ" : "", hasDestination ? line.destinationNumber() : "", "", "", "", "",
                    line.minutes().toPlainString(), "", "", line.charge().toPlainString()));
            lineCharges = lineCharges.add(line.charge());
        }
        BigDecimal otherCharges = invoice.otherCharges() == null ? BigDecimal.ZERO : invoice.otherCharges();
        String total = invoice.statedTotal() != null
                ? exactCents(invoice.statedTotal(), "stated total of invoice " + invoice.invoiceNumber())
                : lineCharges.add(otherCharges).setScale(2, RoundingMode.HALF_UP).unscaledValue().toString();
        set.add(segment("TDS", total));
        if (otherCharges.signum() != 0) {
            // ZZZZ: mutually defined charge code
            set.add(segment("SAC", otherCharges.signum() < 0 ? "A" : "C", "ZZZZ", "", "",
                    exactCents(otherCharges.abs(), "other charges of invoice " + invoice.invoiceNumber())));
        }
        set.add(segment("SE", String.valueOf(set.size() + 1), setControl));
        return set;
    }

    private static void addPeriod(List<String> set, String qualifier, LocalDate date) {
        if (date != null) {
            set.add(segment("DTM", qualifier, CCYYMMDD.format(date)));
        }
    }

    /** An amount as X12 N2 (two implied decimals): 131.50 becomes 13150. */
    private static String exactCents(BigDecimal amount, String what) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().toString();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " is not in whole cents", e);
        }
    }

    private static String segment(String tag, String... elements) {
        for (String element : elements) {
            if (element.chars().anyMatch(c -> DELIMITERS.indexOf(c) >= 0)) {
                throw new IllegalArgumentException(tag + " value '" + element + "' holds an X12 delimiter ("
                        + DELIMITERS + ")");
            }
        }
        return tag + "*" + String.join("*", elements);
    }

    private static String isaId(String id) {
        if (id.length() < 2 || id.length() > 15 || id.chars().anyMatch(c -> DELIMITERS.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("'" + id + "' is not a usable interchange ID (2 to 15 characters)");
        }
        return id;
    }

    private static String pad(String id) {
        return String.format(Locale.ROOT, "%-15s", id);
    }
}
