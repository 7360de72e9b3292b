package io.billinghub.wholesale;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.InvoiceText;
import io.billinghub.platform.CsvSource;
import io.billinghub.platform.Decimals;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a Webex partner invoice CSV by its header (case and blanks ignored, extra columns tolerated): one invoice
 * number and one calendar month per file, in the hub's currency. A file that breaks that, that is not UTF-8 text
 * or that holds a quote never closed is refused whole; a line with an unreadable value, or with another number of
 * fields than the header, is rejected with its line number and text as written, the others are kept.
 */
public final class PartnerInvoiceParser {

    /** The invoice, and the lines that could not be read. */
    public record Parsed(PartnerInvoice invoice, List<RejectedRecord> rejected, int recordsIn) {
    }

    static final List<String> REQUIRED = List.of("INVOICE_NUMBER", "BILLING_PERIOD_START", "BILLING_PERIOD_END", "SKU",
            "QUANTITY", "AMOUNT");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).get();

    private final String currency;

    public PartnerInvoiceParser(String currency) {
        this.currency = currency;
    }

    public Parsed parse(byte[] content, String fileName) {
        String text = InvoiceText.readUtf8(new ByteArrayInputStream(content));
        CsvSource source;
        try {
            source = CsvSource.open(new StringReader(text), FORMAT);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidInvoiceFileException("line 1", fileName + " has no readable header: " + e.getMessage(),
                    e);
        }
        try (source) {
            Map<String, Integer> columns = new HashMap<>();
            List<String> names = source.headerNames();
            for (int i = 0; i < names.size(); i++) {
                columns.putIfAbsent(names.get(i).trim().toUpperCase(Locale.ROOT), i);
            }
            List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInvoiceFileException("line 1", fileName + " lacks the column(s) "
                        + String.join(", ", missing));
            }
            String number = null;
            YearMonth period = null;
            List<PartnerInvoice.Line> lines = new ArrayList<>();
            List<RejectedRecord> rejected = new ArrayList<>();
            int in = 0;
            while (source.hasNext()) {
                CsvSource.Entry entry = source.next();
                CSVRecord record = entry.record();
                in++;
                if (record.size() != names.size()) {
                    // fields out of place would be read under the wrong columns
                    rejected.add(new RejectedRecord("line " + entry.line(), "has " + record.size()
                            + " fields, the header has " + names.size(), entry.raw()));
                    continue;
                }
                String lineNumber = get(record, columns, "INVOICE_NUMBER");
                YearMonth linePeriod = period(record, columns, entry.line());
                if (number == null) {
                    number = lineNumber;
                    period = linePeriod;
                } else if (!number.equals(lineNumber) || !period.equals(linePeriod)) {
                    throw new InvalidInvoiceFileException("line " + entry.line(), fileName + " holds more than one"
                            + " invoice (" + number + " " + period + " and " + lineNumber + " " + linePeriod + ")");
                }
                String lineCurrency = get(record, columns, "CURRENCY");
                if (!lineCurrency.isEmpty() && !lineCurrency.equals(currency)) {
                    throw new InvalidInvoiceFileException("line " + entry.line(), fileName + " is in "
                            + lineCurrency + ", not the hub's currency " + currency);
                }
                try {
                    lines.add(line(record, columns, entry.line()));
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord("line " + entry.line(), e.getMessage(), entry.raw()));
                }
            }
            if (number == null || number.isEmpty()) {
                throw new InvalidInvoiceFileException(null, fileName + " has no invoice lines or no INVOICE_NUMBER");
            }
            return new Parsed(new PartnerInvoice(number, period, currency, lines), rejected, in);
        } catch (UncheckedIOException e) {
            throw new InvalidInvoiceFileException("line " + source.nextLine(), fileName + " is not a readable CSV"
                    + " from this line on: " + e.getCause().getMessage(), e);
        }
    }

    /** Amounts as webex_invoice_line keeps them: quantity numeric(18,6), unit price (18,4), amount (18,2). */
    private static PartnerInvoice.Line line(CSVRecord record, Map<String, Integer> columns, int lineNo) {
        String sku = get(record, columns, "SKU");
        if (sku.isEmpty()) {
            throw new IllegalArgumentException("SKU is empty");
        }
        String unitPrice = get(record, columns, "UNIT_PRICE");
        return new PartnerInvoice.Line(lineNo, get(record, columns, "PARTNER_ORG_ID"),
                get(record, columns, "CUSTOMER_ORG_ID"), get(record, columns, "CUSTOMER_EXTERNAL_ID"), sku,
                get(record, columns, "DESCRIPTION"), decimal(record, columns, "QUANTITY", 12, 6),
                unitPrice.isEmpty() ? null : decimal(record, columns, "UNIT_PRICE", 14, 4),
                decimal(record, columns, "AMOUNT", 16, 2));
    }

    private static YearMonth period(CSVRecord record, Map<String, Integer> columns, int lineNo) {
        try {
            LocalDate start = LocalDate.parse(get(record, columns, "BILLING_PERIOD_START"));
            LocalDate end = LocalDate.parse(get(record, columns, "BILLING_PERIOD_END"));
            YearMonth month = YearMonth.from(start);
            if (start.getDayOfMonth() != 1 || !end.equals(month.atEndOfMonth())) {
                throw new InvalidInvoiceFileException("line " + lineNo, "billing period " + start + " to " + end
                        + " is not a calendar month");
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new InvalidInvoiceFileException("line " + lineNo, "billing period dates are not yyyy-MM-dd: "
                    + e.getParsedString());
        }
    }

    private static BigDecimal decimal(CSVRecord record, Map<String, Integer> columns, String column,
                                      int integerDigits, int decimals) {
        return Decimals.parse(column, get(record, columns, column), integerDigits, decimals);
    }

    private static String get(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : record.get(index).trim();
    }
}
