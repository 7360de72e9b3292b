package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A usage report request ({@code POST /api/v2/usage/reports}), checked.
 *
 * <p>startDate and endDate are ISO-8601 instants and BOTH inclusive: a line is in the report when startDate <=
 * usageDate <= endDate (usage dates are whole seconds). includeTaxes defaults to true; includeProratedCharges
 * defaults to FALSE, as on the real platform: a request that omits it silently loses the prorated licence lines
 * (the design document's trap). currencyCode, when given, must be USD (the tenant's billing currency); lines keep
 * their own currencyCode (CAD on the Canadian cost centre) whatever is requested. groupBy is accepted and checked
 * but does not change the lines, which are already per user, number and cost centre.
 */
public record CxoneReportRequest(String reportType, Instant startDate, Instant endDate, List<String> groupBy,
                                 String currencyCode, boolean includeTaxes, boolean includeProratedCharges) {

    static final Set<String> REPORT_TYPES = Set.of("COST", "FEATURE");
    static final Set<String> GROUP_BY = Set.of("USER", "PHONE_NUMBER", "COST_CENTER");

    public CxoneReportRequest {
        groupBy = List.copyOf(groupBy);
    }

    /**
     * @throws CxoneApiException 400 with the reason, when the body is not a valid request
     */
    public static CxoneReportRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw CxoneApiException.badRequest("The body must be a JSON object");
        }
        String reportType = text(body, "reportType");
        if (reportType == null || !REPORT_TYPES.contains(reportType)) {
            throw CxoneApiException.badRequest("reportType must be COST or FEATURE, was " + body.get("reportType"));
        }
        Instant startDate = instant(body, "startDate");
        Instant endDate = instant(body, "endDate");
        if (!startDate.isBefore(endDate)) {
            throw CxoneApiException.badRequest("startDate must be before endDate");
        }
        List<String> groupBy = new ArrayList<>();
        JsonNode groups = body.get("groupBy");
        if (groups != null && !groups.isNull()) {
            if (!groups.isArray()) {
                throw CxoneApiException.badRequest("groupBy must be an array of USER, PHONE_NUMBER, COST_CENTER");
            }
            for (JsonNode group : groups) {
                if (!group.isTextual() || !GROUP_BY.contains(group.asText())) {
                    throw CxoneApiException.badRequest("groupBy: unknown dimension " + group
                            + " (USER, PHONE_NUMBER, COST_CENTER)");
                }
                groupBy.add(group.asText());
            }
        }
        String currencyCode = text(body, "currencyCode");
        if (currencyCode != null && !currencyCode.equals(CxoneMonthGenerator.USD)) {
            throw CxoneApiException.badRequest("currencyCode must be USD, the tenant's billing currency");
        }
        return new CxoneReportRequest(reportType, startDate, endDate, groupBy, currencyCode,
                bool(body, "includeTaxes", true), bool(body, "includeProratedCharges", false));
    }

    /** The report's lines out of all lines (already in usageDate, lineId order). */
    public List<CxoneReportLine> select(List<CxoneReportLine> lines) {
        return lines.stream()
                .filter(line -> line.within(startDate, endDate))
                .filter(line -> includeProratedCharges || !line.proratedFlag())
                .map(line -> includeTaxes ? line : line.withoutTax())
                .toList();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw CxoneApiException.badRequest(field + " must be a string");
        }
        return value.asText();
    }

    private static Instant instant(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw CxoneApiException.badRequest(field + " is required (an ISO-8601 instant, e.g. 2026-10-01T04:00:00Z)");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CxoneApiException.badRequest(field + " '" + value
                    + "' is not an ISO-8601 instant (e.g. 2026-10-01T04:00:00Z)");
        }
    }

    private static boolean bool(JsonNode body, String field, boolean absent) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw CxoneApiException.badRequest(field + " must be true or false");
        }
        return value.asBoolean();
    }
}
