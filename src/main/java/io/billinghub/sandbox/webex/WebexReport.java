package io.billinghub.sandbox.webex;

import java.time.Instant;

/**
 * A billing report as the store knows it at one moment.
 *
 * @param id        the report id the API shows (base64url of ciscospark://us/BILLING_REPORT/uuid)
 * @param fileId    the name of its CSV behind the pre-signed download links
 * @param createdBy the person id of the integration that created it
 */
public record WebexReport(String id, String fileId, WebexReportRequest request, Instant created, String createdBy,
                          WebexReportStatus status) {
}
