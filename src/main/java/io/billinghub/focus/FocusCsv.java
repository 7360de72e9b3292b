package io.billinghub.focus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.CsvText;
import io.billinghub.platform.web.CsvResponses;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * What every FinOps FOCUS export of the hub shares: rows as column name → value, the billing period of a month in
 * UTC, Tags as JSON, and the CSV (decimals as plain text with their scale, an empty cell for null). A source's
 * export fills the columns it has; exports of several sources are written with the union of their columns.
 */
public final class FocusCsv {

    /** The FOCUS columns an export of invoiced charges fills, in the order the hub writes them. */
    public static final List<String> INVOICED = List.of("BilledCost", "BillingAccountId", "BillingAccountName",
            "BillingCurrency", "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeClass",
            "ChargeDescription", "ChargeFrequency", "ChargePeriodStart", "ChargePeriodEnd", "ConsumedQuantity",
            "ConsumedUnit", "ContractedCost", "EffectiveCost", "InvoiceId", "InvoiceIssuerName", "ListCost",
            "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "ServiceCategory", "ServiceName",
            "SkuId", "Tags");

    private static final ObjectMapper JSON = new ObjectMapper();

    private FocusCsv() {
    }

    /** A row: each value under its column, in the order of {@code columns}. */
    public static Map<String, Object> row(List<String> columns, List<?> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + columns.size() + " FOCUS columns");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), values.get(i));
        }
        return row;
    }

    /** The columns of an export: {@link #INVOICED} followed by its own. */
    public static List<String> columns(String... more) {
        List<String> columns = new ArrayList<>(INVOICED);
        columns.addAll(List.of(more));
        return List.copyOf(columns);
    }

    /** The first instant of a month in UTC (BillingPeriodStart, ChargePeriodStart), as FOCUS writes date-times. */
    public static String start(YearMonth period) {
        return instant(period.atDay(1));
    }

    /** The first instant after a month in UTC (BillingPeriodEnd and ChargePeriodEnd are exclusive). */
    public static String end(YearMonth period) {
        return instant(period.plusMonths(1).atDay(1));
    }

    /** The start of a UTC day. */
    public static String instant(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** FOCUS Tags: a JSON object of its keys and values, keys sorted. */
    public static String tags(Map<String, String> tags) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The columns of several exports: the FOCUS columns in alphabetical order, then the custom x_ columns. */
    public static List<String> union(List<List<String>> exports) {
        TreeSet<String> focus = new TreeSet<>();
        List<String> custom = new ArrayList<>();
        for (List<String> columns : exports) {
            for (String column : columns) {
                if (!column.startsWith("x_")) {
                    focus.add(column);
                } else if (!custom.contains(column)) {
                    custom.add(column);
                }
            }
        }
        List<String> all = new ArrayList<>(focus);
        all.addAll(custom);
        return all;
    }

    /** A small export as one CSV download. */
    public static ResponseEntity<String> download(String fileName, List<String> columns,
                                                  List<Map<String, Object>> rows) {
        return CsvResponses.csv(fileName, columns, rows, r -> columns.stream().map(r::get).toList());
    }

    /**
     * An export of any size written to the response as its rows come: {@code rows} is handed the writer's row
     * sink and feeds it.
     */
    public static void stream(HttpServletResponse response, String fileName, List<String> columns,
                              Consumer<Consumer<Map<String, Object>>> rows) throws IOException {
        response.setContentType(CsvResponses.TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            rows.accept(row -> {
                try {
                    printer.printRecord(columns.stream().map(c -> CsvText.text(row.get(c))).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
