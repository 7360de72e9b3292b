package io.billinghub.invoices.x12;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.CarrierTime;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceHeader;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.InvoiceSink;
import io.billinghub.invoices.RecordCounts;
import io.billinghub.platform.Decimals;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The state of reading one X12 file: StAEDI's events are gathered per segment, and each segment is interpreted
 * when it ends, with its elements, the errors StAEDI found in it and its text as written. Lines and rejected TCDs go
 * to the sink as they are read; of a transaction set only its own figures are kept until its SE.
 */
final class X12FileReading {

    private static final DateTimeFormatter CCYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern HHMM_OR_HHMMSS = Pattern.compile("\\d{4}(\\d{2})?");
    private static final Pattern EXPLICIT_DECIMAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern IMPLIED_DECIMAL = Pattern.compile("-?\\d+");
    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    private final String text;
    private final ZoneId carrierZone;
    private final Schema transactionSchema;
    private final InvoiceSink sink;

    private int invoices;
    private int tcdSegments;
    private int acceptedLines;
    private int rejected;

    private String isa12;
    private String isa13;
    private int groupsInInterchange;
    private String gs06;
    private int setsInGroup;
    private String st02;
    private int segmentsInSet;
    private InvoiceDraft invoice;

    private String tag;
    private int segment;
    private final Map<Integer, String> elements = new HashMap<>();
    private final List<String> errors = new ArrayList<>();
    private int segmentTextStart;

    X12FileReading(String text, ZoneId carrierZone, Schema transactionSchema, InvoiceSink sink) {
        this.text = text;
        this.carrierZone = carrierZone;
        this.transactionSchema = transactionSchema;
        this.sink = sink;
    }

    RecordCounts read(EDIInputFactory inputFactory) {
        if (text.isBlank()) {
            throw new InvalidInvoiceFileException(position(1), "the file is empty");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = inputFactory.createEDIStreamReader(new ByteArrayInputStream(bytes))) {
            while (reader.hasNext()) {
                handle(reader, reader.next());
            }
        } catch (EDIStreamException e) {
            // StAEDI names the segment before one it could not start reading: the offset says where it stopped
            Location at = e.getLocation();
            int where = at == null ? segment : segmentAt(text, at.getCharacterOffset());
            throw new InvalidInvoiceFileException(position(where), "X12 syntax error: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordCounts(tcdSegments, acceptedLines, 0, rejected);
    }

    private void handle(EDIStreamReader reader, EDIStreamEvent event) {
        switch (event) {
            case START_SEGMENT -> startSegment(reader);
            case ELEMENT_DATA -> element(reader);
            case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> elementError(reader);
            case SEGMENT_ERROR -> throw new InvalidInvoiceFileException(position(reader.getLocation()
                    .getSegmentPosition()), "X12 structure error at " + reader.getLocation().getSegmentTag()
                    + ": " + describe(reader.getErrorType()) + " (" + reader.getText() + ")");
            case END_SEGMENT -> endSegment(reader);
            default -> {
                // Loop, set, group and interchange boundaries: the header and trailer segments carry what we need.
            }
        }
    }

    private void startSegment(EDIStreamReader reader) {
        tag = reader.getText();
        segment = reader.getLocation().getSegmentPosition();
        elements.clear();
        errors.clear();
        segmentsInSet++;
    }

    private void element(EDIStreamReader reader) {
        Location at = reader.getLocation();
        if (at.getComponentPosition() > 0) {
            return; // composites only occur in segments we ignore
        }
        elements.putIfAbsent(at.getElementPosition(), reader.getText());
        if ("ST".equals(tag) && at.getElementPosition() == 1) {
            if (!"811".equals(reader.getText())) {
                throw fail("ST01 is '" + reader.getText() + "' but only 811 transaction sets are accepted");
            }
            try {
                reader.setTransactionSchema(transactionSchema); // only allowed while the ST segment is being read
            } catch (IllegalStateException e) {
                // StAEDI did not start a transaction: it read no envelope it knows (the fuzzer found a bad ISA12)
                throw fail("the transaction set cannot be read: the envelope is not one of a known X12 version"
                        + " (ISA12 '" + isa12 + "')");
            }
        }
    }

    private void elementError(EDIStreamReader reader) {
        EDIStreamValidationError error = reader.getErrorType();
        if (error == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT
                || error == EDIStreamValidationError.CONTROL_REFERENCE_MISMATCH) {
            return; // the trailer checks in endSegment report these with the expected value
        }
        Location at = reader.getLocation();
        String value = reader.getText();
        errors.add(element(at.getSegmentTag(), at.getElementPosition()) + ": " + describe(error)
                + (value == null || value.isEmpty() ? "" : " '" + value + "'"));
    }

    private void endSegment(EDIStreamReader reader) {
        int end = reader.getLocation().getCharacterOffset();
        String raw = text.substring(segmentTextStart, end - 1).strip();
        segmentTextStart = end;
        if ("TCD".equals(tag)) {
            tcd(raw);
            return;
        }
        switch (tag) {
            case "ISA" -> isa();
            case "GS" -> gs();
            case "ST" -> st();
            case "BIG" -> big(date(1), required(2));
            case "CUR" -> invoice.currency = currency(required(2));
            case "DTM" -> invoice.dtm(value(1), value(2).isEmpty() ? null : date(2));
            case "TXI" -> invoice.addOtherCharge(value(2).isEmpty() ? BigDecimal.ZERO : decimal(2));
            case "SAC" -> sac();
            case "TDS" -> invoice.statedTotal = impliedDecimal(1);
            case "SE" -> se();
            case "GE" -> ge();
            case "IEA" -> iea();
            default -> {
                // Other 811 segments are placed by the schema and otherwise ignored.
            }
        }
        if (!errors.isEmpty()) {
            throw fail(String.join("; ", errors));
        }
    }

    private void isa() {
        isa12 = value(12);
        isa13 = value(13);
        groupsInInterchange = 0;
    }

    private void gs() {
        if (!"CI".equals(value(1))) {
            throw fail("GS01 is '" + value(1) + "' but 811 invoices travel in functional group CI");
        }
        gs06 = value(6);
        groupsInInterchange++;
        setsInGroup = 0;
    }

    private void st() {
        st02 = value(2);
        segmentsInSet = 1;
        setsInGroup++;
        invoice = new InvoiceDraft(invoices++);
    }

    private void big(LocalDate date, String invoiceNumber) {
        invoice.invoiceDate = date;
        invoice.number = invoiceNumber;
        started();
    }

    /** The set's invoice is handed on at its BIG, or before its first line or at its SE when it has none. */
    private void started() {
        if (!invoice.started) {
            invoice.started = true;
            sink.invoiceStarted(invoice.index, invoice.number);
        }
    }

    private void sac() {
        if (value(5).isEmpty()) {
            return;
        }
        BigDecimal amount = impliedDecimal(5);
        switch (value(1)) {
            case "A" -> invoice.addOtherCharge(amount.negate());
            case "C" -> invoice.addOtherCharge(amount);
            default -> {
                // SAC01 N: informational, no allowance or charge
            }
        }
    }

    private void se() {
        checkCount("segments", "the transaction set", segmentsInSet);
        checkReference("ST02", st02);
        started();
        sink.invoiceEnded(invoice.index, invoice.header());
        invoice = null;
    }

    private void ge() {
        checkCount("transaction sets", "the group", setsInGroup);
        checkReference("GS06", gs06);
    }

    private void iea() {
        checkCount("functional groups", "the interchange", groupsInInterchange);
        checkReference("ISA13", isa13);
    }

    /** Every trailer (SE, GE, IEA) states its count in element 01; leading zeros are tolerated. */
    private void checkCount(String what, String container, int actual) {
        String stated = value(1);
        if (!stated.replaceFirst("^0+(?=\\d)", "").equals(String.valueOf(actual))) {
            throw fail(element(tag, 1) + " says " + stated + " " + what + " but " + container + " has " + actual);
        }
    }

    /** Every trailer repeats its header's control number in element 02, character for character. */
    private void checkReference(String headerElement, String expected) {
        if (!value(2).equals(expected)) {
            throw fail(element(tag, 2) + " " + value(2) + " does not match " + headerElement + " " + expected);
        }
    }

    /** Reads one itemised call, or rejects it with every reason found: ours first, then StAEDI's. */
    private void tcd(String raw) {
        tcdSegments++;
        List<String> reasons = new ArrayList<>();
        String leg = value(1);
        if (leg.isEmpty()) {
            reasons.add("TCD01 (leg reference) is missing");
        }
        LocalDate date = tcdDate(reasons);
        LocalTime time = tcdTime(reasons);
        BigDecimal minutes = tcdMinutes(reasons);
        BigDecimal charge = tcdAmount(value(13).isEmpty() ? 12 : 13, reasons);
        if (reasons.isEmpty()) {
            reasons.addAll(errors);
        }
        if (!reasons.isEmpty()) {
            rejected++;
            sink.rejected(new RejectedRecord(position(segment), String.join("; ", reasons), raw));
            return;
        }
        String destination = value(5);
        started();
        acceptedLines++;
        sink.line(invoice.index, new InvoiceLine(position(segment), invoice.number, leg,
                destination.isEmpty() ? null : destination,
                CarrierTime.toUtc(LocalDateTime.of(date, time), carrierZone), minutes, charge, raw));
    }

    private LocalDate tcdDate(List<String> reasons) {
        try {
            return LocalDate.parse(value(2), CCYYMMDD);
        } catch (DateTimeParseException e) {
            reasons.add("TCD02 '" + value(2) + "' is not a CCYYMMDD date");
            return null;
        }
    }

    private LocalTime tcdTime(List<String> reasons) {
        String hhmmss = value(3);
        try {
            if (HHMM_OR_HHMMSS.matcher(hhmmss).matches()) {
                return LocalTime.of(Integer.parseInt(hhmmss.substring(0, 2)), Integer.parseInt(hhmmss.substring(2, 4)),
                        hhmmss.length() == 6 ? Integer.parseInt(hhmmss.substring(4)) : 0);
            }
        } catch (DateTimeException e) {
            // falls through to the rejection below
        }
        reasons.add("TCD03 '" + hhmmss + "' is not an HHMM or HHMMSS time");
        return null;
    }

    private BigDecimal tcdMinutes(List<String> reasons) {
        if (!value(10).isEmpty()) {
            BigDecimal minutes = tcdDecimal(10, reasons);
            if (minutes != null && minutes.signum() < 0) {
                reasons.add("TCD10 '" + value(10) + "' minutes are negative");
                return null;
            }
            return minutes;
        }
        if (!value(11).isEmpty()) {
            BigDecimal seconds = tcdDecimal(11, reasons);
            if (seconds != null && seconds.signum() < 0) {
                reasons.add("TCD11 '" + value(11) + "' seconds are negative");
                return null;
            }
            return seconds == null ? null : seconds.divide(SECONDS_PER_MINUTE, 6, RoundingMode.HALF_UP);
        }
        reasons.add("neither TCD10 (minutes) nor TCD11 (seconds) is given");
        return null;
    }

    private BigDecimal tcdAmount(int position, List<String> reasons) {
        if (value(position).isEmpty()) {
            reasons.add("neither TCD13 (net amount) nor TCD12 (undiscounted amount) is given");
            return null;
        }
        return tcdDecimal(position, reasons);
    }

    private BigDecimal tcdDecimal(int position, List<String> reasons) {
        try {
            return explicitDecimal(position);
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
            return null;
        }
    }

    private BigDecimal decimal(int position) {
        try {
            return explicitDecimal(position);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** An X12 R value: the decimal point, when there is one, is written; within what the hub keeps. */
    private BigDecimal explicitDecimal(int position) {
        String text = value(position);
        if (!EXPLICIT_DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(element(tag, position) + " '" + text + "' is not a decimal number");
        }
        return Decimals.parse(element(tag, position), text, InvoiceLine.INTEGER_DIGITS, InvoiceLine.DECIMALS);
    }

    /**
     * An X12 N2 value: digits only, the last two of which are the decimals, so 13150 is 131.50; at most 14 digits,
     * which leaves the 12 before the point the hub keeps.
     */
    private BigDecimal impliedDecimal(int position) {
        String value = value(position);
        int digits = InvoiceLine.INTEGER_DIGITS + 2;
        if (IMPLIED_DECIMAL.matcher(value).matches() && value.replace("-", "").length() <= digits) {
            return new BigDecimal(value).movePointLeft(2);
        }
        throw fail(element(tag, position) + " '" + value + "' must be an amount with two implied decimals, digits"
                + " only (13150 for 131.50), at most " + digits + " digits");
    }

    private LocalDate date(int position) {
        try {
            return LocalDate.parse(value(position), CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw fail(element(tag, position) + " '" + value(position) + "' is not a CCYYMMDD date");
        }
    }

    private String currency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw fail("CUR02 '" + code + "' is not an ISO 4217 currency code");
        }
    }

    private String required(int position) {
        if (value(position).isEmpty()) {
            throw fail(element(tag, position) + " is missing");
        }
        return value(position);
    }

    private String value(int position) {
        return elements.getOrDefault(position, "");
    }

    private InvalidInvoiceFileException fail(String message) {
        return new InvalidInvoiceFileException(position(segment), message);
    }

    static String position(int segment) {
        return "segment " + segment;
    }

    /** The segment (ISA = 1) that character {@code offset} falls in: one more than the terminators before it. */
    static int segmentAt(String text, int offset) {
        // the ISA is fixed-length: its 106th character is the segment terminator
        int isa = text.indexOf("ISA");
        char terminator = isa >= 0 && text.length() > isa + 105 ? text.charAt(isa + 105) : '~';
        int segment = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == terminator) {
                segment++;
            }
        }
        return segment;
    }

    private static String element(String tag, int position) {
        return String.format(Locale.ROOT, "%s%02d", tag, position);
    }

    private static String describe(EDIStreamValidationError error) {
        return error.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static final class InvoiceDraft {
        private final int index;
        private boolean started;
        private String number;
        private LocalDate invoiceDate;
        private String currency;
        private LocalDate periodStart;
        private LocalDate periodEnd;
        private BigDecimal statedTotal;
        private BigDecimal otherCharges = BigDecimal.ZERO;

        InvoiceDraft(int index) {
            this.index = index;
        }

        void dtm(String qualifier, LocalDate date) {
            if ("150".equals(qualifier) && periodStart == null) {
                periodStart = date;
            } else if ("151".equals(qualifier) && periodEnd == null) {
                periodEnd = date;
            }
        }

        void addOtherCharge(BigDecimal amount) {
            otherCharges = otherCharges.add(amount);
        }

        /** Carriers sometimes write the period the wrong way round; the earlier date is the start. */
        InvoiceHeader header() {
            boolean inverted = periodStart != null && periodEnd != null && periodStart.isAfter(periodEnd);
            return new InvoiceHeader(number, invoiceDate, inverted ? periodEnd : periodStart,
                    inverted ? periodStart : periodEnd, currency, statedTotal, otherCharges);
        }
    }
}
