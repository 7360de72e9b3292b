package io.billinghub.sandbox.webex;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A create request: the billing period, the report type and, for a sub-partner's report, its org id. Billing dates
 * may be any day of the last five years (today minus five years is the earliest) before the current UTC day, and
 * the start is not after the end.
 *
 * @param subPartnerOrgId null for the partner's own report
 */
public record WebexReportRequest(LocalDate billingStartDate, LocalDate billingEndDate, WebexReportType type,
                                 String subPartnerOrgId) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    public WebexReportRequest {
        Objects.requireNonNull(billingStartDate, "billingStartDate");
        Objects.requireNonNull(billingEndDate, "billingEndDate");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The request of a create body, checked against the current day.
     *
     * @throws WebexApiException 400 naming what is wrong
     */
    public static WebexReportRequest parse(String body, LocalDate today) {
        JsonNode json;
        try {
            json = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JacksonException e) {
            throw WebexApiException.badRequest("The request body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw WebexApiException.badRequest("The request body must be a JSON object with billingStartDate and "
                    + "billingEndDate");
        }
        LocalDate start = billingDate(json, "billingStartDate", today);
        LocalDate end = billingDate(json, "billingEndDate", today);
        if (start.isAfter(end)) {
            throw WebexApiException.badRequest("billingStartDate " + start + " is after billingEndDate " + end);
        }
        JsonNode type = json.path("type");
        if (!type.isMissingNode() && !type.isNull() && !type.isTextual()) {
            throw WebexApiException.badRequest("type must be a string: PARTNER, CUSTOMER or USER");
        }
        JsonNode subPartner = json.path("subPartnerOrgId");
        if (!subPartner.isMissingNode() && !subPartner.isNull() && (!subPartner.isTextual()
                || subPartner.asText().isBlank())) {
            throw WebexApiException.badRequest("subPartnerOrgId must be an org id");
        }
        JsonNode internal = json.path("internal");
        if (!internal.isMissingNode() && !internal.isNull() && !internal.isBoolean()) {
            throw WebexApiException.badRequest("internal must be true or false");
        }
        return new WebexReportRequest(start, end, WebexReportType.parse(type.textValue()),
                subPartner.isTextual() ? subPartner.asText() : null);
    }

    /** A billing date: YYYY-MM-DD, within the last five years and before {@code today}. */
    static LocalDate billingDate(JsonNode json, String field, LocalDate today) {
        JsonNode value = json.path(field);
        if (!value.isTextual()) {
            throw WebexApiException.badRequest(field + " is required, a date YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw WebexApiException.badRequest(field + " must be a date YYYY-MM-DD, was '" + value.asText() + "'");
        }
        if (!date.isBefore(today)) {
            throw WebexApiException.badRequest(field + " " + date + " is not before the current day " + today
                    + ": only past days can be billed");
        }
        LocalDate earliest = today.minusYears(5);
        if (date.isBefore(earliest)) {
            throw WebexApiException.badRequest(field + " " + date + " is more than five years ago (earliest "
                    + earliest + ")");
        }
        return date;
    }
}
