package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One vendor tenant's organisation for a month, as the vendor stores it: the users' history (so any instant has a
 * state), queues, trunks, the month's conversations, WFM shifts, analytics usage and sessions, and the platform
 * invoice issued at the end of the month. Attributes carry the vendor's own keys.
 *
 * <p>"As of" an instant: a user's latest version valid at or before it (none when created later); a time-ranged
 * record when it started at or before it. Time ranges are half-open, [from, to), on the record's start in UTC
 * (a shift's local start in its zone, an analytics day's first instant).
 *
 * @param divisions division id to display name
 * @param planted   the ids of the planted edge cases
 */
public record OrgMonth(String vendor, YearMonth period, Map<String, String> divisions,
                       List<UserVersion> userHistory, List<OrgRecord.Queue> queues, List<OrgRecord.Trunk> trunks,
                       List<OrgRecord.Conversation> conversations, List<OrgRecord.WfmShift> shifts,
                       List<OrgRecord.AnalyticsUsage> analytics, List<OrgRecord.Session> sessions,
                       PlatformInvoice invoice, Planted planted) {

    /**
     * Users planted for the hub's edge cases; null where the tenant has none.
     *
     * @param noCostCentre          a human agent without any cost centre attribute
     * @param malformedCostCentre   a user whose cost centre attribute is malformed ("fin_1")
     * @param deleted               a user deleted before the period
     * @param createdAfterSnapshot  a user created after the snapshot
     * @param changedAfterSnapshot  a user whose licence type and cost centre change after the snapshot
     * @param nonHumanAccounts      the service and integration accounts (no cost centre attribute)
     */
    public record Planted(String noCostCentre, String malformedCostCentre, String deleted,
                          String createdAfterSnapshot, String changedAfterSnapshot, List<String> nonHumanAccounts) {
        public Planted {
            nonHumanAccounts = List.copyOf(nonHumanAccounts);
        }
    }

    public OrgMonth {
        divisions = Map.copyOf(divisions);
        userHistory = List.copyOf(userHistory);
        queues = List.copyOf(queues);
        trunks = List.copyOf(trunks);
        conversations = List.copyOf(conversations);
        shifts = List.copyOf(shifts);
        analytics = List.copyOf(analytics);
        sessions = List.copyOf(sessions);
    }

    /** The end of the billing cycle: the first instant (UTC) after the period. */
    public Instant snapshot() {
        return period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant periodStart() {
        return period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Every user that exists as of the instant, in the state it was in then, in order of creation. */
    public List<OrgRecord.User> users(Instant asOf) {
        Map<String, OrgRecord.User> latest = new LinkedHashMap<>();
        for (UserVersion version : userHistory) {
            if (!version.validFrom().isAfter(asOf)) {
                latest.put(version.user().userId(), version.user());
            }
        }
        return List.copyOf(latest.values());
    }

    public List<OrgRecord.Conversation> conversations(Instant from, Instant to, Instant asOf) {
        return window(conversations, OrgRecord.Conversation::start, from, to, asOf);
    }

    public List<OrgRecord.WfmShift> shifts(Instant from, Instant to, Instant asOf) {
        return window(shifts, OrgMonth::shiftStart, from, to, asOf);
    }

    public List<OrgRecord.AnalyticsUsage> analytics(Instant from, Instant to, Instant asOf) {
        return window(analytics, OrgMonth::dayStart, from, to, asOf);
    }

    public List<OrgRecord.Session> sessions(Instant from, Instant to, Instant asOf) {
        return window(sessions, OrgRecord.Session::start, from, to, asOf);
    }

    /** The invoice of the period once issued: empty as of an earlier instant. */
    public Optional<PlatformInvoice> invoice(Instant asOf) {
        return invoice.issuedAt().isAfter(asOf) ? Optional.empty() : Optional.of(invoice);
    }

    /** When a shift starts, in UTC. */
    public static Instant shiftStart(OrgRecord.WfmShift shift) {
        return shift.localStart().atZone(ZoneId.of(shift.timeZone())).toInstant();
    }

    /** The first instant of an analytics day (UTC). */
    public static Instant dayStart(OrgRecord.AnalyticsUsage usage) {
        return LocalDate.parse(usage.day()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static <T> List<T> window(List<T> records, Function<T, Instant> start, Instant from, Instant to,
                                      Instant asOf) {
        return records.stream().filter(record -> {
            Instant at = start.apply(record);
            return !at.isBefore(from) && at.isBefore(to) && !at.isAfter(asOf);
        }).toList();
    }
}
