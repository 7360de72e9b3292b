package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.decimal;
import static io.billinghub.extraction.JsonFields.required;
import static io.billinghub.extraction.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Canonical records both vendors' adapters build alike, with the checks that span fields. */
final class OrgRecords {

    static final int MAX_PAGE_SIZE = 500;
    private static final Map<String, OrgRecord.AccountType> ACCOUNT_TYPES =
            OrgJson.lowerCaseNames(OrgRecord.AccountType.values());

    private OrgRecords() {
    }

    /** Resources asked for the period's records (from, to), not just their state as of the snapshot. */
    static boolean ranged(OrgResource resource) {
        return switch (resource) {
            case CONVERSATIONS, WFM_SHIFTS, ANALYTICS, SESSIONS, QUEUE_METRICS -> true;
            case USERS, QUEUES, TRUNKS, INVOICE, BILLABLE_USAGE -> false;
        };
    }

    /** The first instant of a month, UTC. */
    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static void checkPageSize(int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE + ", was "
                    + pageSize);
        }
    }

    /**
     * The account type a user's attribute declares (AGENT when it has none), taken out of the attributes: for APIs
     * whose users carry no account type of their own.
     */
    static OrgRecord.AccountType declaredAccountType(Map<String, String> attributes, String attribute) {
        String declared = attributes.remove(attribute);
        if (declared == null) {
            return OrgRecord.AccountType.AGENT;
        }
        OrgRecord.AccountType type = ACCOUNT_TYPES.get(declared.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException(attribute + " '" + declared + "' is not one of "
                    + String.join(", ", ACCOUNT_TYPES.keySet()));
        }
        return type;
    }

    static OrgRecord.WfmShift shift(String shiftId, String userId, String timeZone, LocalDateTime start,
                                    LocalDateTime end, long availableMinutes) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the shift ends (" + end + ") before it starts (" + start + ")");
        }
        return new OrgRecord.WfmShift(shiftId, userId, timeZone, start, end, availableMinutes);
    }

    static OrgRecord.AnalyticsUsage analytics(String usageId, String queueId, String day, BigDecimal minutes) {
        if (minutes.signum() < 0) {
            throw new IllegalArgumentException("processedMinutes must not be negative, was " + minutes);
        }
        return new OrgRecord.AnalyticsUsage(usageId, queueId, day, minutes);
    }

    static OrgRecord.Session session(String sessionId, String userId, Instant login, Instant logout) {
        if (logout.isBefore(login)) {
            throw new IllegalArgumentException("the session ends (" + logout + ") before it starts (" + login + ")");
        }
        return new OrgRecord.Session(sessionId, userId, login, logout);
    }

    /** The platform invoice document (the same for both vendors): one page, a charge per line. */
    static OrgPage invoice(JsonNode root, String page) {
        String invoiceId = text(root, "invoiceId");
        String currency = text(root, "currency");
        if (invoiceId == null || invoiceId.isBlank() || currency == null || currency.isBlank()) {
            throw new IllegalArgumentException(page + " is not an invoice: invoiceId or currency is missing");
        }
        return OrgJson.map(OrgJson.array(root, "lines", page), page, line -> new OrgRecord.PlatformCharge(
                required(line, "lineId"), invoiceId, required(line, "category"), text(line, "trunkId"),
                text(line, "chargeType"), text(line, "description"), decimal(line, "amount", 12, 6), currency),
                Optional.empty());
    }
}
