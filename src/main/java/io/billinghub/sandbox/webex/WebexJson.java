package io.billinghub.sandbox.webex;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The JSON bodies of the Webex sandbox, as the published API shows them. */
final class WebexJson {

    static final String CATEGORY = "RECONCILIATION";

    /** Webex writes instants with milliseconds always: 2021-06-16T12:40:33.109Z. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WebexJson() {
    }

    /** The answer to a create (200 or 202). */
    record ReportId(String id, String billingStartDate, String billingEndDate, WebexReportType type,
                    String category) {
        static ReportId of(WebexReport report) {
            WebexReportRequest request = report.request();
            return new ReportId(report.id(), request.billingStartDate().toString(),
                    request.billingEndDate().toString(), request.type(), CATEGORY);
        }
    }

    /** A report (GET by id); tempDownloadURL only when COMPLETED, errors only when FAILED. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(String id, String billingStartDate, String billingEndDate, WebexReportType type, String category,
                  String created, String createdBy, WebexReportStatus status,
                  @JsonProperty("tempDownloadURL") String tempDownloadUrl, List<ReportError> errors) {
        static Report of(WebexReport report, String tempDownloadUrl) {
            WebexReportRequest request = report.request();
            List<ReportError> errors = report.status() == WebexReportStatus.FAILED
                    ? List.of(new ReportError(WebexReportStore.FAILURE_CODE, WebexReportStore.FAILURE_DESCRIPTION))
                    : null;
            return new Report(report.id(), request.billingStartDate().toString(), request.billingEndDate().toString(),
                    request.type(), CATEGORY, INSTANT.format(report.created()), report.createdBy(), report.status(),
                    tempDownloadUrl, errors);
        }
    }

    /**
     * An item of a listing, exactly the fields of the spec's ListReport: no tempDownloadURL (the client GETs each
     * report for its link), nor created and createdBy.
     */
    record ListItem(String id, String billingStartDate, String billingEndDate, WebexReportStatus status,
                    WebexReportType type, String category) {
        static ListItem of(WebexReport report) {
            WebexReportRequest request = report.request();
            return new ListItem(report.id(), request.billingStartDate().toString(),
                    request.billingEndDate().toString(), report.status(), request.type(), CATEGORY);
        }
    }

    record ReportList(List<ListItem> items) {
    }

    record ReportError(int code, String description) {
    }

    /** Webex's error body. */
    record Error(String message, List<Description> errors, String trackingId) {
    }

    record Description(String description) {
    }

    record Token(@JsonProperty("access_token") String accessToken,
                 @JsonProperty("expires_in") long expiresIn,
                 @JsonProperty("refresh_token") String refreshToken,
                 @JsonProperty("refresh_token_expires_in") long refreshTokenExpiresIn,
                 @JsonProperty("token_type") String tokenType) {
    }
}
