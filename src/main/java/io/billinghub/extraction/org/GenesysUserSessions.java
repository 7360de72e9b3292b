package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.instant;
import static io.billinghub.extraction.JsonFields.optionalInstant;
import static io.billinghub.extraction.JsonFields.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.exceptions.RejectedRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The users' login sessions of a period from Genesys Cloud's user details query
 * ({@code POST /api/v2/analytics/users/details/query}): there is no sessions API, but the primary presence records
 * say when a user was logged in (any system presence but OFFLINE). Genesys limits a query without filters to 7 days,
 * so the period is asked for a week at a time; a record overlapping two weeks is answered in both and counted once
 * (by user and start). Pages go by user and may hold fewer users than asked for: a page without userDetails ends a
 * week. Once every week is read, a user's consecutive logged-in records (each starting by the end of the one before)
 * make one session; sessions starting in the period are kept, as the document's sessions API returns them. A
 * logged-in record without an end is still lasting: its session ends with the period. A record without a valid
 * start or system presence, or ending before it starts, is rejected with its page, user and position.
 */
final class GenesysUserSessions {

    static final String PATH = "/api/v2/analytics/users/details/query";
    static final Duration WEEK = Duration.ofDays(7);
    static final int MAX_PAGE_SIZE = 100;
    private static final String OFFLINE = "OFFLINE";

    private record Presence(Instant start, Instant end, String systemPresence) {
    }

    private final Instant from;
    private final Instant to;
    private final Map<String, TreeMap<Instant, Presence>> byUser = new TreeMap<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();

    GenesysUserSessions(YearMonth period) {
        this.from = OrgRecords.start(period);
        this.to = OrgRecords.start(period.plusMonths(1));
    }

    /** The weeks the period is asked for, the last one shorter. */
    List<Instant[]> weeks() {
        List<Instant[]> weeks = new ArrayList<>();
        for (Instant start = from; start.isBefore(to); start = start.plus(WEEK)) {
            Instant end = start.plus(WEEK);
            weeks.add(new Instant[] {start, end.isAfter(to) ? to : end});
        }
        return weeks;
    }

    static String query(ObjectMapper json, Instant[] week, int pageSize, int pageNumber) {
        ObjectNode query = json.createObjectNode();
        query.put("interval", week[0] + "/" + week[1]);
        query.put("order", "asc");
        query.putObject("paging").put("pageSize", Math.min(pageSize, MAX_PAGE_SIZE)).put("pageNumber", pageNumber);
        return query.toString();
    }

    /** Takes a page's presence records; false when the page has no user (the week is complete). */
    boolean add(JsonNode root, String page) {
        JsonNode users = root.path("userDetails");
        if (!users.isMissingNode() && !users.isArray()) {
            throw new IllegalArgumentException(page + " has userDetails that are not an array");
        }
        int item = 0;
        for (JsonNode user : users) {
            item++;
            String userId;
            try {
                userId = required(user, "userId");
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedRecord(page + " user " + item, e.getMessage(), user.toString()));
                continue;
            }
            int position = 0;
            for (JsonNode record : user.path("primaryPresence")) {
                position++;
                try {
                    Presence presence = presence(record);
                    byUser.computeIfAbsent(userId, k -> new TreeMap<>()).putIfAbsent(presence.start(), presence);
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord(page + " user " + userId + " presence " + position,
                            e.getMessage(), record.toString()));
                }
            }
        }
        return users.size() > 0;
    }

    /** The sessions starting in the period, with every record rejected on the way. */
    OrgPage sessions() {
        List<OrgRecord> sessions = new ArrayList<>();
        byUser.forEach((userId, records) -> {
            Instant start = null;
            Instant end = null;
            for (Presence presence : records.values()) {
                boolean loggedIn = !OFFLINE.equals(presence.systemPresence());
                if (start != null && (!loggedIn || presence.start().isAfter(end))) {
                    keep(sessions, userId, start, end);
                    start = null;
                }
                if (loggedIn) {
                    Instant until = presence.end() == null ? to : presence.end();
                    if (start == null) {
                        start = presence.start();
                        end = until;
                    } else if (until.isAfter(end)) {
                        end = until;
                    }
                }
            }
            if (start != null) {
                keep(sessions, userId, start, end);
            }
        });
        return new OrgPage(sessions, rejected, Optional.empty());
    }

    private void keep(List<OrgRecord> sessions, String userId, Instant start, Instant end) {
        if (!start.isBefore(from) && start.isBefore(to)) {
            sessions.add(OrgRecords.session(userId + "@" + start, userId, start, end));
        }
    }

    private static Presence presence(JsonNode record) {
        Instant start = instant(record, "startTime");
        Instant until = optionalInstant(record, "endTime");
        if (until != null && until.isBefore(start)) {
            throw new IllegalArgumentException("the presence ends (" + until + ") before it starts (" + start + ")");
        }
        return new Presence(start, until, required(record, "systemPresence"));
    }
}
