package io.billinghub.sandbox.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.org.OrgRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The organisation's login sessions as Genesys Cloud publishes them: the users' presence records of the user
 * details query ({@code POST /api/v2/analytics/users/details/query}, AnalyticsUserDetailsQueryResponse). Each
 * session becomes AVAILABLE for its first {@link #AVAILABLE_FIRST} and ON_QUEUE for the rest, followed by OFFLINE
 * until the user's next session (the last OFFLINE has no end: it still lasts). As Genesys documents, an interval
 * without filters may not exceed 7 days, a record is answered in every interval it overlaps, and paging is by
 * user (pageSize up to 100); a page past the last user has no userDetails.
 */
final class GenesysUserPresence {

    static final Duration AVAILABLE_FIRST = Duration.ofMinutes(15);
    static final Duration MAX_INTERVAL = Duration.ofDays(7);
    static final int MAX_PAGE_SIZE = 100;

    private final Map<String, List<Record>> byUser = new TreeMap<>();

    GenesysUserPresence(List<OrgRecord.Session> sessions) {
        Map<String, List<OrgRecord.Session>> sessionsByUser = new TreeMap<>();
        sessions.forEach(s -> sessionsByUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s));
        sessionsByUser.forEach((user, own) -> {
            own.sort(Comparator.comparing(OrgRecord.Session::start));
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < own.size(); i++) {
                OrgRecord.Session session = own.get(i);
                Instant onQueue = session.start().plus(AVAILABLE_FIRST);
                if (onQueue.isBefore(session.end())) {
                    records.add(new Record(session.start().toString(), onQueue.toString(), "AVAILABLE"));
                    records.add(new Record(onQueue.toString(), session.end().toString(), "ON_QUEUE"));
                } else {
                    records.add(new Record(session.start().toString(), session.end().toString(), "AVAILABLE"));
                }
                String next = i + 1 < own.size() ? own.get(i + 1).start().toString() : null;
                records.add(new Record(session.end().toString(), next, "OFFLINE"));
            }
            byUser.put(user, List.copyOf(records));
        });
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Record(String startTime, String endTime, String systemPresence) {
        boolean overlaps(Instant from, Instant to) {
            return Instant.parse(startTime).isBefore(to) && (endTime == null || Instant.parse(endTime).isAfter(from));
        }
    }

    record UserDetail(String userId, List<Record> primaryPresence) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Response(List<UserDetail> userDetails, int totalHits) {
    }

    /** The answer to a user details query (interval, paging); filters are not served. */
    Response answer(ObjectMapper json, String body) {
        GenesysCloudOrgJson.IntervalQuery parsed = GenesysCloudOrgJson.IntervalQuery.of(json, body);
        JsonNode query = parsed.query();
        Instant from = parsed.from();
        Instant to = parsed.to();
        if (query.has("userFilters") || query.has("presenceFilters") || query.has("routingStatusFilters")) {
            throw new IllegalArgumentException("the sandbox answers user details queries without filters");
        }
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("the interval of a query without filters must be 7 days at most");
        }
        int pageSize = query.path("paging").path("pageSize").asInt(25);
        int pageNumber = query.path("paging").path("pageNumber").asInt(1);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || pageNumber < 1) {
            throw new IllegalArgumentException("paging.pageSize must be 1 to " + MAX_PAGE_SIZE
                    + " and paging.pageNumber at least 1");
        }
        List<UserDetail> all = new ArrayList<>();
        byUser.forEach((user, records) -> {
            List<Record> overlapping = records.stream().filter(r -> r.overlaps(from, to)).toList();
            if (!overlapping.isEmpty()) {
                all.add(new UserDetail(user, overlapping));
            }
        });
        int first = (int) Math.min((long) (pageNumber - 1) * pageSize, all.size());
        int hits = all.stream().mapToInt(u -> u.primaryPresence().size()).sum();
        return new Response(all.subList(first, Math.min(all.size(), first + pageSize)), hits);
    }
}
