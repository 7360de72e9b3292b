package io.billinghub.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.invoices.InvalidInvoiceFileException;
import io.billinghub.invoices.RejectedRecord;
import io.billinghub.referencedata.CsvTable;
import io.billinghub.referencedata.ValidationError;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads the CXone invoice from the billing API's JSON or from the CSV download. */
public final class CxoneInvoiceParser {

    /** An invoice and the CSV records that could not be read. */
    public record Parsed(CxoneInvoice invoice, List<RejectedRecord> rejected, int recordsIn) {
    }

    private static final List<String> CSV_COLUMNS = List.of("record_type", "invoice_id", "billing_period",
            "feature_type", "cost_center_id", "amount", "tax_amount", "currency");

    private final ObjectMapper json;

    public CxoneInvoiceParser(ObjectMapper json) {
        this.json = json;
    }

    public CxoneInvoice fromJson(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the CXone invoice is not JSON: " + e.getOriginalMessage());
        }
        List<CxoneInvoice.Line> lines = new ArrayList<>();
        for (JsonNode line : root.path("lines")) {
            lines.add(new CxoneInvoice.Line(line.path("lineNumber").asInt(lines.size() + 1),
                    line.path("featureType").asText(), line.path("costCenterId").asText(),
                    amount(line, "amount"), amount(line, "taxAmount"), line.toString()));
        }
        return new CxoneInvoice(root.path("invoiceId").asText(), YearMonth.parse(root.path("billingPeriod").asText()),
                root.path("status").asText("FINAL"), root.path("currencyCode").asText(),
                amount(root, "totalAmount"), amount(root, "totalTax"), lines);
    }

    /**
     * The CSV download: header {@code record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,
     * tax_amount,currency}, LINE records and one TOTAL record. A bad record is rejected with its line number; a
     * file without the header, without lines or mixing invoices is refused whole.
     */
    public Parsed fromCsv(byte[] content, String fileName) {
        List<ValidationError> structural = new ArrayList<>();
        CsvTable table = CsvTable.read(fileName, content, CSV_COLUMNS, structural);
        if (table == null) {
            ValidationError first = structural.get(0);
            throw new InvalidInvoiceFileException("line " + first.line(), first.reason());
        }
        List<RejectedRecord> rejected = new ArrayList<>();
        List<CxoneInvoice.Line> lines = new ArrayList<>();
        String invoiceId = null;
        YearMonth period = null;
        String currency = null;
        BigDecimal totalAmount = null;
        BigDecimal totalTax = null;
        for (CsvTable.Row row : table.rows()) {
            String raw = String.join(",", row.values());
            try {
                String id = row.get("invoice_id");
                YearMonth rowPeriod = YearMonth.parse(row.get("billing_period").isEmpty() && period != null
                        ? period.toString() : row.get("billing_period"));
                if (invoiceId != null && !invoiceId.equals(id) || period != null && !period.equals(rowPeriod)) {
                    throw new InvalidInvoiceFileException("line " + row.line(), "the file mixes invoices ("
                            + invoiceId + " " + period + " and " + id + " " + rowPeriod + ")");
                }
                invoiceId = id;
                period = rowPeriod;
                switch (row.get("record_type")) {
                    case "LINE" -> {
                        lines.add(new CxoneInvoice.Line(lines.size() + 1, required(row, "feature_type"),
                                required(row, "cost_center_id"), decimal(row, "amount"), decimal(row, "tax_amount"),
                                raw));
                        currency = row.get("currency").isEmpty() ? currency : row.get("currency");
                    }
                    case "TOTAL" -> {
                        totalAmount = decimal(row, "amount");
                        totalTax = decimal(row, "tax_amount");
                    }
                    default -> throw new IllegalArgumentException("record_type '" + row.get("record_type")
                            + "' is not LINE or TOTAL");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                rejected.add(new RejectedRecord("line " + row.line(), e.getMessage(), raw));
            }
        }
        if (invoiceId == null) {
            throw new InvalidInvoiceFileException("line 2", "the file holds no invoice record");
        }
        BigDecimal linesAmount = lines.stream().map(CxoneInvoice.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal linesTax = lines.stream().map(CxoneInvoice.Line::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Parsed(new CxoneInvoice(invoiceId, period, "FINAL", currency,
                totalAmount == null ? linesAmount : totalAmount, totalTax == null ? linesTax : totalTax, lines),
                rejected, table.rows().size());
    }

    private static String required(CsvTable.Row row, String column) {
        if (row.get(column).isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return row.get(column);
    }

    private static BigDecimal decimal(CsvTable.Row row, String column) {
        try {
            return new BigDecimal(row.get(column));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + row.get(column) + "' is not a decimal amount");
        }
    }

    private static BigDecimal amount(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }
}
