package io.billinghub.extraction.webex;

/**
 * One report to extract for a period: a partner's own customers ({@code subPartnerOrgId} null) or one
 * sub-partner's, at one level. The message body of the webex-report route, so a replayed case redoes this report.
 *
 * @param scopeOrgId the org whose customers the report covers: the partner's, or the sub-partner's
 */
public record WebexReportJob(String partnerId, String scopeOrgId, String subPartnerOrgId, ReportType type,
                             String period, boolean regenerate) {

    public String describe() {
        return type + " report of " + partnerId + (subPartnerOrgId == null ? "" : " sub-partner " + subPartnerOrgId)
                + " for " + period;
    }
}
