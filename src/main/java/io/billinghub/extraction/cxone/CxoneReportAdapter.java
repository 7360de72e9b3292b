package io.billinghub.extraction.cxone;

import static io.billinghub.extraction.JsonFields.decimal;
import static io.billinghub.extraction.JsonFields.flag;
import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.optionalCount;
import static io.billinghub.extraction.JsonFields.optionalDate;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.math.BigDecimal;
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
        } catch (NumberFormatException e) {
            // Jackson cannot hold a number such as 1e40055550101 (its exponent past int) and says so unchecked
            throw new IllegalStateException("report " + reportId + " page " + page + " holds a number out of"
                    + " range: " + e.getMessage());
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
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord("report " + reportId + " page " + page + " record " + item,
                        e.getMessage(), record.toString()));
            }
        }
        JsonNode next = root.get("nextPageToken");
        return new CxoneReportPage(lines, rejected, next == null || next.isNull() || next.asText().isEmpty() ? null
                : next.asText());
    }

    /** Amounts as cxone_usage_line keeps them: numeric(18, 6), a tax rate numeric(10, 6). */
    private static CxoneUsageLine map(JsonNode r, String tenantId, String reportId) {
        return new CxoneUsageLine(
                required(r, "lineId"), tenantId, reportId, instant(r, "usageDate"),
                text(r, "userId"), text(r, "userName"), text(r, "phoneNumber"), required(r, "featureType"),
                text(r, "direction"), optionalCount(r, "durationSeconds"),
                decimal(r, "costAmount", 12, 6), required(r, "currencyCode"), optionalDecimal(r, "taxAmount", 12),
                optionalDecimal(r, "taxRate", 4), text(r, "costCenterId"), flag(r, "proratedFlag", false),
                text(r, "creditMemoId"), text(r, "correctsLineId"), text(r, "licenseType"),
                optionalDate(r, "serviceStart"), optionalDate(r, "serviceEnd"), r.toString());
    }

    /** Zero when missing or null. */
    private static BigDecimal optionalDecimal(JsonNode r, String field, int integerDigits) {
        JsonNode value = r.get(field);
        return value == null || value.isNull() ? BigDecimal.ZERO : decimal(r, field, integerDigits, 6);
    }
}
