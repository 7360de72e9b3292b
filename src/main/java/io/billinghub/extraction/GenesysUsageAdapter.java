package io.billinghub.extraction;

import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.optionalInstant;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The telephony usage API as the design document describes it:
 * {@code GET /api/v2/telephony/usage?timeRange=a/b&page=n&pageSize=500}, answering
 * {@code {entities: [...], pageNumber, pageCount}} with leg-level records.
 */
@Component
public class GenesysUsageAdapter implements TelephonyUsageAdapter {

    private final ObjectMapper json;

    public GenesysUsageAdapter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String vendor() {
        return "genesys";
    }

    @Override
    public URI pageUri(TelephonyProperties.Tenant tenant, ExtractionWindow window, int page, int pageSize) {
        String timeRange = window.start() + "/" + window.end();
        return URI.create(tenant.baseUrl() + "/api/v2/telephony/usage?timeRange="
                + URLEncoder.encode(timeRange, StandardCharsets.UTF_8) + "&page=" + page + "&pageSize=" + pageSize);
    }

    @Override
    public UsagePage parse(String body, String tenantId, int requestedPage) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("usage page " + requestedPage + " is not JSON: " + e.getOriginalMessage());
        } catch (NumberFormatException e) {
            // Jackson cannot hold a number such as 1e40055550101 (its exponent past int) and says so unchecked
            throw new IllegalStateException("usage page " + requestedPage + " holds a number out of range: "
                    + e.getMessage());
        }
        JsonNode entities = root.path("entities");
        if (!entities.isArray()) {
            throw new IllegalStateException("usage page " + requestedPage + " has no entities array");
        }
        int pageNumber = root.path("pageNumber").asInt(requestedPage);
        int pageCount = root.path("pageCount").asInt(pageNumber);
        List<UsageLeg> legs = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        for (JsonNode record : entities) {
            item++;
            String position = "page " + pageNumber + " record " + item;
            try {
                legs.add(map(record, tenantId));
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(position, e.getMessage(), record.toString()));
            }
        }
        return new UsagePage(pageNumber, pageCount, legs, rejected);
    }

    private UsageLeg map(JsonNode r, String tenantId) {
        return new UsageLeg(
                required(r, "legId"),
                required(r, "callId"),
                tenantId,
                vendor(),
                instant(r, "startTime"),
                optionalInstant(r, "endTime"),
                seconds(r, "duration"),
                seconds(r, "billingDuration"),
                text(r, "carrierName"),
                text(r, "destinationNumber"),
                text(r, "callType"),
                text(r, "direction"),
                text(r, "callOutcome"),
                r.toString());
    }

    private static int seconds(JsonNode r, String field) {
        JsonNode value = r.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 0) {
            throw new IllegalArgumentException(field + " must be a whole number of seconds >= 0, was " + value);
        }
        return value.asInt();
    }
}
