package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A list request: exact-match filters, the sort, the page size and the cursor of a page after the first. Pages are
 * keyset pages: reports sorted by the sort field then id, a page starting after the (value, id) of the previous
 * page's last report, so a report created or deleted between two pages shifts nothing. The cursor is opaque to
 * clients (base64url of "sortBy, value, id"), who follow the absolute URL of the Link header.
 */
public final class WebexListQuery {

    public static final int MAX_PAGE = 100;

    /** The sortBy values and the report field each sorts by (ties broken by id). */
    enum SortBy {
        ID("id", WebexReport::id),
        BILLING_START_DATE("billingStartDate", report -> report.request().billingStartDate().toString()),
        BILLING_END_DATE("billingEndDate", report -> report.request().billingEndDate().toString()),
        STATUS("status", report -> report.status().name());

        private final String parameter;
        private final Function<WebexReport, String> value;

        SortBy(String parameter, Function<WebexReport, String> value) {
            this.parameter = parameter;
            this.value = value;
        }
    }

    private record Cursor(String value, String id) {
    }

    private final Map<String, String> given;
    private final LocalDate billingStartDate;
    private final LocalDate billingEndDate;
    private final WebexReportType type;
    private final WebexReportStatus status;
    private final String subPartnerOrgId;
    private final SortBy sortBy;
    private final int max;
    private final Cursor cursor;

    private WebexListQuery(Map<String, String> given, SortBy sortBy, int max, Cursor cursor) {
        this.given = given;
        this.billingStartDate = date(given, "billingStartDate");
        this.billingEndDate = date(given, "billingEndDate");
        this.type = given.containsKey("type") ? WebexReportType.parse(given.get("type")) : null;
        this.status = given.containsKey("status") ? status(given.get("status")) : null;
        this.subPartnerOrgId = given.get("subPartnerOrgId");
        this.sortBy = sortBy;
        this.max = max;
        this.cursor = cursor;
    }

    /**
     * The query of a list request's parameters (each null when absent).
     *
     * @throws WebexApiException 400 for a bad date, type, status, sortBy, max or cursor
     */
    public static WebexListQuery parse(String billingStartDate, String billingEndDate, String type, String status,
                                       String subPartnerOrgId, String sortBy, String max, String cursor) {
        Map<String, String> given = new LinkedHashMap<>();
        String[][] parameters = {{"billingStartDate", billingStartDate}, {"billingEndDate", billingEndDate},
            {"type", type}, {"status", status}, {"subPartnerOrgId", subPartnerOrgId}, {"sortBy", sortBy},
            {"max", max}};
        for (String[] parameter : parameters) {
            if (parameter[1] != null) {
                given.put(parameter[0], parameter[1]);
            }
        }
        SortBy sort = sortBy(sortBy);
        return new WebexListQuery(given, sort, max(max), cursor == null ? null : cursor(cursor, sort));
    }

    /** Whether the report passes every filter. */
    public boolean matches(WebexReport report) {
        WebexReportRequest request = report.request();
        return (billingStartDate == null || billingStartDate.equals(request.billingStartDate()))
                && (billingEndDate == null || billingEndDate.equals(request.billingEndDate()))
                && (type == null || type == request.type())
                && (status == null || status == report.status())
                && (subPartnerOrgId == null || subPartnerOrgId.equals(request.subPartnerOrgId()));
    }

    /** The listing's order: the sort field, then id. */
    public Comparator<WebexReport> order() {
        return Comparator.comparing(sortBy.value).thenComparing(WebexReport::id);
    }

    /** Whether the report comes after the cursor (every report does on the first page). */
    public boolean afterCursor(WebexReport report) {
        if (cursor == null) {
            return true;
        }
        int c = sortBy.value.apply(report).compareTo(cursor.value());
        return c > 0 || c == 0 && report.id().compareTo(cursor.id()) > 0;
    }

    public int max() {
        return max;
    }

    /** The cursor of the page after the one ending with {@code last}. */
    public String cursorAfter(WebexReport last) {
        String text = sortBy.parameter + "\n" + sortBy.value.apply(last) + "\n" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(UTF_8));
    }

    /**
     * The Link header of the next page: {@code <requestUrl?the same parameters&cursor=…>; rel="next"}.
     *
     * @param requestUrl the absolute URL of the list endpoint, without query
     */
    public String nextLink(String requestUrl, String nextCursor) {
        Map<String, String> parameters = new LinkedHashMap<>(given);
        parameters.put("cursor", nextCursor);
        // URLEncoder, not a URI template encoder: a '+' in an org id must arrive as '+', not as a space
        return "<" + requestUrl + "?" + parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), UTF_8))
                .collect(Collectors.joining("&")) + ">; rel=\"next\"";
    }

    private static LocalDate date(Map<String, String> given, String name) {
        String value = given.get(name);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw WebexApiException.badRequest(name + " must be a date YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static WebexReportStatus status(String value) {
        for (WebexReportStatus candidate : WebexReportStatus.values()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw WebexApiException.badRequest("status must be IN_PROGRESS, COMPLETED or FAILED, was '" + value + "'");
    }

    private static SortBy sortBy(String value) {
        if (value == null) {
            return SortBy.BILLING_START_DATE;
        }
        for (SortBy candidate : SortBy.values()) {
            if (candidate.parameter.equals(value)) {
                return candidate;
            }
        }
        throw WebexApiException.badRequest("sortBy must be id, billingStartDate, billingEndDate or status, was '"
                + value + "'");
    }

    private static int max(String value) {
        if (value == null) {
            return MAX_PAGE;
        }
        try {
            int max = Integer.parseInt(value.trim());
            if (max >= 1 && max <= MAX_PAGE) {
                return max;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw WebexApiException.badRequest("max must be a whole number from 1 to " + MAX_PAGE + ", was '" + value
                + "'");
    }

    private static Cursor cursor(String value, SortBy sortBy) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), UTF_8).split("\n", -1);
            if (parts.length == 3 && Objects.equals(parts[0], sortBy.parameter)) {
                return new Cursor(parts[1], parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw WebexApiException.badRequest("cursor is not a cursor of this listing; follow the Link header");
    }
}
