package io.billinghub.extraction.cxone;

import static io.billinghub.extraction.JsonFields.flag;
import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.optionalCount;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.referencedata.cxone.CxoneTeamCostCentre;
import io.billinghub.referencedata.cxone.CxoneUsageRate;
import io.billinghub.referencedata.cxone.CxoneUsageRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a page of NICE's published completed contacts ({@code GET /inContactAPI/services/v{N}/contacts/completed})
 * to canonical {@link CxoneUsageLine}s and rates them, since the published API carries no money.
 *
 * <p>A phone contact (mediaTypeId 4) gives:
 * <ul>
 *   <li>an IVR_MINUTES line when it is inbound and spent preQueueSeconds &gt; 0 in the IVR: at contactStartDate,
 *       lineId {@code contact-{contactId}-ivr};</li>
 *   <li>a VOICE_CALL line for the connected part, totalDurationSeconds - preQueueSeconds - inQueueSeconds, when
 *       that is &gt; 0: at contactStartDate + preQueueSeconds + inQueueSeconds (when the agent answered), lineId
 *       {@code contact-{contactId}-call}.</li>
 * </ul>
 * userId is the agentId, userName "firstName lastName", phoneNumber the tenant's side of the call (toAddress of an
 * inbound call, fromAddress of an outbound one). The agent's team (teamId) gives the cost centre and the billing
 * currency through cxone-team-cost-centres.csv; the rate of the line's feature, direction and currency on the
 * line's local day (reporting time zone) comes from cxone-usage-rates.csv: costAmount = seconds x rate / 60, HALF_UP
 * to 4 decimals. No tax (taxAmount and taxRate 0), no credit memo, no licence: the published API has none of them.
 * A contact of another media type (chat, e-mail, work item...) carries no telephony usage: it gives no line and is
 * counted as such ({@link CxoneContactPage#notPhone()}); the connector asks for phone contacts only, but a Data
 * Extraction file holds every media type. A contact that cannot be mapped (missing or malformed field, an unmapped
 * team, no rate) is rejected whole with its position and JSON, never dropped.
 */
public final class CxoneContactMapper {

    public static final String PHONE_MEDIA_TYPE = "4";
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final int AMOUNT_SCALE = 4;

    private final ObjectMapper json;
    private final ZoneId reportingZone;
    private final CxoneUsageRates rates;

    public CxoneContactMapper(ObjectMapper json, ZoneId reportingZone, CxoneUsageRates rates) {
        this.json = json;
        this.reportingZone = reportingZone;
        this.rates = rates;
    }

    /**
     * @param extractionId stamped on every line as its reportId (the extraction of the tenant's month)
     * @param where        what the body is ("completed contacts page 3", "Data Extraction job 42 file"), for
     *                     messages and the rejected contacts' position
     */
    public CxoneContactPage parse(String body, String tenantId, String extractionId, String where) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(where + " is not JSON: " + e.getOriginalMessage());
        }
        JsonNode contacts = root == null ? null : root.path("completedContacts");
        if (contacts == null || !contacts.isArray()) {
            throw new IllegalStateException(where + " has no completedContacts array");
        }
        List<CxoneUsageLine> lines = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        int notPhone = 0;
        for (JsonNode contact : contacts) {
            item++;
            try {
                if (phone(contact)) {
                    lines.addAll(map(contact, tenantId, extractionId));
                } else {
                    notPhone++;
                }
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(where + " contact " + item,
                        e.getMessage(), contact.toString()));
            }
        }
        JsonNode next = root.path("_links").path("next");
        String nextLink = next.isTextual() && !next.asText().isBlank() ? next.asText() : null;
        return new CxoneContactPage(lines, rejected, contacts.size(), notPhone, nextLink);
    }

    /** Whether the contact is a phone call; one without a media type cannot be told and is rejected. */
    private static boolean phone(JsonNode c) {
        if (!c.isObject()) {
            throw new IllegalArgumentException("a contact must be a JSON object");
        }
        return PHONE_MEDIA_TYPE.equals(required(c, "mediaTypeId"));
    }

    /** The phone contact's lines, IVR first; all or nothing. */
    List<CxoneUsageLine> map(JsonNode c, String tenantId, String extractionId) {
        String contactId = required(c, "contactId");
        Instant start = instant(c, "contactStartDate");
        String agentId = required(c, "agentId");
        if (!c.has("isOutbound") || c.get("isOutbound").isNull()) {
            throw new IllegalArgumentException("isOutbound is missing");
        }
        boolean outbound = flag(c, "isOutbound", false);
        String direction = outbound ? "OUTBOUND" : "INBOUND";
        String phone = outbound ? text(c, "fromAddress") : text(c, "toAddress");
        int total = count(c, "totalDurationSeconds", true);
        int ivr = outbound ? 0 : count(c, "preQueueSeconds", false);
        int queue = count(c, "inQueueSeconds", false);
        int connected = total - ivr - queue;
        if (connected < 0) {
            throw new IllegalArgumentException("totalDurationSeconds " + total + " is less than preQueueSeconds "
                    + ivr + " + inQueueSeconds " + queue);
        }
        String teamId = required(c, "teamId");
        LocalDate day = start.atZone(reportingZone).toLocalDate();
        CxoneTeamCostCentre team = rates.team(teamId, day).orElseThrow(() -> new IllegalArgumentException(
                "team " + teamId + " has no cost centre on " + day + " in cxone-team-cost-centres.csv"));
        String userName = name(text(c, "firstName"), text(c, "lastName"));
        String raw = c.toString();
        List<CxoneUsageLine> lines = new ArrayList<>(2);
        if (ivr > 0) {
            lines.add(line("contact-" + contactId + "-ivr", tenantId, extractionId, start, agentId, userName, phone,
                    "IVR_MINUTES", direction, ivr, team, raw));
        }
        if (connected > 0) {
            lines.add(line("contact-" + contactId + "-call", tenantId, extractionId,
                    start.plusSeconds((long) ivr + queue), agentId, userName, phone, "VOICE_CALL", direction,
                    connected, team, raw));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("contact " + contactId + " has no billable seconds");
        }
        return lines;
    }

    private CxoneUsageLine line(String lineId, String tenantId, String extractionId, Instant at, String agentId,
                                String userName, String phone, String feature, String direction, int seconds,
                                CxoneTeamCostCentre team, String raw) {
        LocalDate day = at.atZone(reportingZone).toLocalDate();
        CxoneUsageRate rate = rates.rate(feature, direction, team.currency(), day).orElseThrow(() ->
                new IllegalArgumentException("no " + feature + " " + direction + " rate in " + team.currency()
                        + " on " + day + " in cxone-usage-rates.csv"));
        return new CxoneUsageLine(lineId, tenantId, extractionId, at, agentId, userName, phone, feature, direction,
                seconds, cost(seconds, rate.ratePerMinute()), team.currency(), BigDecimal.ZERO, BigDecimal.ZERO,
                team.costCenterId(), false, null, null, null, null, null, raw);
    }

    /** seconds x rate per minute / 60, HALF_UP to 4 decimals (as CXone's document-shaped lines are priced). */
    public static BigDecimal cost(int seconds, BigDecimal ratePerMinute) {
        return BigDecimal.valueOf(seconds).multiply(ratePerMinute).divide(SIXTY, AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    private static int count(JsonNode c, String field, boolean required) {
        Integer value = optionalCount(c, field);
        if (value == null && required) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value == null ? 0 : value;
    }

    private static String name(String first, String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return joined.isEmpty() ? null : joined;
    }
}
