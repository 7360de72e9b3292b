package io.billinghub.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.platform.Decimals;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.ValidationError;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CXone invoice from the billing API's JSON or from the CSV download. The invoice must be in the hub's
 * base currency (usage is compared in it); a line that cannot be read is rejected with its position and original
 * text, and an invoice without its identity, its total or any readable line is refused whole.
 */
public final class CxoneInvoiceParser {

    /** An invoice and the records that could not be read; recordsIn = lines and total read + rejected. */
    public record Parsed(CxoneInvoice invoice, List<RejectedRecord> rejected, int recordsIn) {
    }

    private static final List<String> CSV_COLUMNS = List.of("record_type", "invoice_id", "billing_period",
            "feature_type", "cost_center_id", "amount", "tax_amount", "currency");

    private final ObjectMapper json;
    private final String baseCurrency;

    public CxoneInvoiceParser(ObjectMapper json, String baseCurrency) {
        this.json = json;
        this.baseCurrency = baseCurrency;
    }

    /**
     * The billing API's invoice: {@code invoiceId}, {@code billingPeriod}, {@code status}, {@code currencyCode},
     * {@code totalAmount}, {@code totalTax} and {@code lines} ({@code lineNumber}, {@code featureType},
     * {@code costCenterId}, {@code amount}, {@code taxAmount}).
     *
     * @throws IllegalStateException when the invoice itself cannot be used
     */
    public Parsed fromJson(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CXone invoice is not JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson cannot hold a number such as 1e40055550101 (its exponent past int) and says so unchecked
            throw new IllegalStateException("the CXone invoice holds a number out of range: " + e.getMessage());
        }
        String invoiceId;
        YearMonth period;
        BigDecimal totalAmount;
        BigDecimal totalTax;
        try {
            invoiceId = text(root, "invoiceId");
            period = period("billingPeriod", text(root, "billingPeriod"));
            currency(text(root, "currencyCode"));
            totalAmount = amount("totalAmount", root.path("totalAmount").asText(""));
            totalTax = amount("totalTax", root.path("totalTax").asText(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the CXone invoice cannot be used: " + e.getMessage());
        }
        List<CxoneInvoice.Line> lines = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        for (JsonNode line : root.path("lines")) {
            item++;
            try {
                lines.add(new CxoneInvoice.Line(item, text(line, "featureType"),
                        text(line, "costCenterId"), amount("amount", line.path("amount").asText("")),
                        amount("taxAmount", line.path("taxAmount").asText("")), line.toString()));
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord("line " + item, e.getMessage(), line.toString()));
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("the CXone invoice " + invoiceId + " has no readable line");
        }
        return new Parsed(new CxoneInvoice(invoiceId, period, root.path("status").asText("FINAL"), baseCurrency,
                totalAmount, totalTax, lines), rejected, item);
    }

    /**
     * The CSV download: header {@code record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,
     * tax_amount,currency}, LINE records and one TOTAL record. A bad record is rejected with its line number and
     * original text; a file without the header, without its TOTAL, without a readable line, mixing invoices or in
     * another currency is refused whole.
     */
    public Parsed fromCsv(byte[] content, String fileName) {
        List<ValidationError> problems = new ArrayList<>();
        CsvTable table = CsvTable.read(fileName, content, CSV_COLUMNS, problems);
        if (table == null) {
            ValidationError first = problems.get(0);
            throw new InvalidInvoiceFileException("line " + first.line(), first.reason());
        }
        List<RejectedRecord> rejected = new ArrayList<>();
        // rows CsvTable could not split into the header's columns
        for (CsvTable.Malformed row : table.malformed()) {
            rejected.add(new RejectedRecord("line " + row.line(), row.reason(), row.raw()));
        }
        List<CxoneInvoice.Line> lines = new ArrayList<>();
        String invoiceId = null;
        YearMonth period = null;
        BigDecimal totalAmount = null;
        BigDecimal totalTax = null;
        for (CsvTable.Row row : table.rows()) {
            String raw = row.raw();
            try {
                String id = required(row, "invoice_id");
                YearMonth rowPeriod = period("billing_period", required(row, "billing_period"));
                if (invoiceId != null && !invoiceId.equals(id) || period != null && !period.equals(rowPeriod)) {
                    throw new InvalidInvoiceFileException("line " + row.line(), "the file mixes invoices ("
                            + invoiceId + " " + period + " and " + id + " " + rowPeriod + ")");
                }
                invoiceId = id;
                period = rowPeriod;
                if (!row.get("currency").isEmpty()) {
                    currency(row.get("currency"));
                }
                switch (row.get("record_type")) {
                    case "LINE" -> lines.add(new CxoneInvoice.Line(lines.size() + 1, required(row, "feature_type"),
                            required(row, "cost_center_id"), amount("amount", row.get("amount")),
                            amount("tax_amount", row.get("tax_amount")), raw));
                    case "TOTAL" -> {
                        if (totalAmount != null) {
                            throw new IllegalArgumentException("a second TOTAL record");
                        }
                        // both read before either is kept: a TOTAL rejected for its tax must not leave its amount
                        BigDecimal amount = amount("amount", row.get("amount"));
                        totalTax = amount("tax_amount", row.get("tax_amount"));
                        totalAmount = amount;
                    }
                    default -> throw new IllegalArgumentException("record_type '" + row.get("record_type")
                            + "' is not LINE or TOTAL");
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord("line " + row.line(), e.getMessage(), raw));
            } catch (CurrencyMismatch e) {
                throw new InvalidInvoiceFileException("line " + row.line(), e.getMessage());
            }
        }
        if (invoiceId == null) {
            throw new InvalidInvoiceFileException("line 2", "the file holds no readable invoice record");
        }
        if (totalAmount == null) {
            // without its stated total, lines lost in the file could go unnoticed
            throw new InvalidInvoiceFileException(null, "invoice " + invoiceId + " has no readable TOTAL record");
        }
        if (lines.isEmpty()) {
            throw new InvalidInvoiceFileException(null, "invoice " + invoiceId + " has no readable line");
        }
        return new Parsed(new CxoneInvoice(invoiceId, period, "FINAL", baseCurrency, totalAmount, totalTax, lines),
                rejected, table.rows().size() + table.malformed().size());
    }

    /** The invoice is compared with usage in the base currency: any other currency refuses it. */
    private void currency(String code) {
        if (!baseCurrency.equals(code)) {
            throw new CurrencyMismatch("the invoice is in " + code + ", not in the hub's currency " + baseCurrency);
        }
    }

    /** An amount as cxone_invoice and cxone_invoice_line keep it: numeric(18, 6). */
    private static BigDecimal amount(String field, String text) {
        return Decimals.parse(field, text, 12, 6);
    }

    private static YearMonth period(String field, String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a month (yyyy-MM)");
        }
    }

    private static String required(CsvTable.Row row, String column) {
        if (row.get(column).isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return row.get(column);
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    /** Refuses the whole invoice (it is not a problem of one record). */
    private static final class CurrencyMismatch extends IllegalStateException {
        CurrencyMismatch(String message) {
            super(message);
        }
    }
}
