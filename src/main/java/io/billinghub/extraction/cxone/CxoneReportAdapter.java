package io.billinghub.extraction.cxone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Maps the document-shaped report data page to canonical lines; an unmappable line is rejected, never dropped. */
@Component
public class CxoneReportAdapter {

    private final ObjectMapper json;

    public CxoneReportAdapter(ObjectMapper json) {
        this.json = json;
    }

    public CxoneReportPage parse(String body, String tenantId, String reportId, int page) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report " + reportId + " page " + page + " is not JSON: "
                    + e.getOriginalMessage());
        }
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new IllegalStateException("report " + reportId + " page " + page + " has no data array");
        }
        List<CxoneUsageLine> lines = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        for (JsonNode record : data) {
            item++;
            try {
                lines.add(map(record, tenantId, reportId));
            } catch (IllegalArgumentException | DateTimeException e) {
                rejected.add(new RejectedRecord("report " + reportId + " page " + page + " record " + item,
                        e.getMessage(), record.toString()));
            }
        }
        JsonNode next = root.get("nextPageToken");
        return new CxoneReportPage(lines, rejected, next == null || next.isNull() || next.asText().isEmpty() ? null
                : next.asText());
    }

    private static CxoneUsageLine map(JsonNode r, String tenantId, String reportId) {
        return new CxoneUsageLine(
                required(r, "lineId"), tenantId, reportId, Instant.parse(required(r, "usageDate")),
                text(r, "userId"), text(r, "userName"), text(r, "phoneNumber"), required(r, "featureType"),
                text(r, "direction"), r.hasNonNull("durationSeconds") ? r.get("durationSeconds").asInt() : null,
                decimal(r, "costAmount", true), required(r, "currencyCode"), decimal(r, "taxAmount", false),
                decimal(r, "taxRate", false), text(r, "costCenterId"), r.path("proratedFlag").asBoolean(false),
                text(r, "creditMemoId"), text(r, "correctsLineId"), text(r, "licenseType"),
                date(r, "serviceStart"), date(r, "serviceEnd"), r.toString());
    }

    private static String required(JsonNode r, String field) {
        String value = text(r, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static String text(JsonNode r, String field) {
        JsonNode value = r.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Amounts from their decimal text (a JSON number's text is kept exactly by the parser). */
    private static BigDecimal decimal(JsonNode r, String field, boolean required) {
        JsonNode value = r.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return BigDecimal.ZERO;
        }
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + value.asText() + "' is not a decimal amount");
        }
    }

    private static LocalDate date(JsonNode r, String field) {
        String value = text(r, field);
        return value == null ? null : LocalDate.parse(value);
    }
}
