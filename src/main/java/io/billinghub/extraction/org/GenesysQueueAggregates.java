package io.billinghub.extraction.org;

import static io.billinghub.extraction.JsonFields.required;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.platform.Decimals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Genesys Cloud's conversation aggregates per queue (POST /api/v2/analytics/conversations/aggregates/query): the
 * query for a period (voice, grouped by queueId, one bucket for the whole interval) and the reading of its answer
 * {@code results[{group: {queueId}, data: [{interval, metrics: [{metric, stats: {count, sum}}]}]}]} (an empty
 * answer has no results). Duration metrics are millisecond sums; nConnected is a count.
 */
final class GenesysQueueAggregates {

    static final String PATH = "/api/v2/analytics/conversations/aggregates/query";
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private GenesysQueueAggregates() {
    }

    static String query(ObjectMapper json, YearMonth period) {
        ObjectNode query = json.createObjectNode();
        query.put("interval", OrgRecords.start(period) + "/" + OrgRecords.start(period.plusMonths(1)));
        query.putArray("groupBy").add("queueId");
        ObjectNode filter = query.putObject("filter").put("type", "and");
        filter.putArray("predicates").addObject().put("type", "dimension").put("dimension", "mediaType")
                .put("operator", "matches").put("value", "voice");
        query.putArray("metrics").add("nConnected").add("tAcw").add("tHeld").add("tTalk");
        return query.toString();
    }

    static OrgPage parse(JsonNode root, String page) {
        List<OrgRecord> records = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        JsonNode results = root.path("results");
        if (!results.isMissingNode() && !results.isArray()) {
            throw new IllegalArgumentException(page + " has results that are not an array");
        }
        int item = 0;
        for (JsonNode result : results) {
            item++;
            int bucket = 0;
            for (JsonNode data : result.path("data")) {
                bucket++;
                try {
                    records.add(row(required(result.path("group"), "queueId"), data));
                } catch (IllegalArgumentException e) {
                    rejected.add(new RejectedRecord(page + " result " + item + " interval " + bucket, e.getMessage(),
                            result.toString()));
                }
            }
        }
        return new OrgPage(records, rejected, Optional.empty());
    }

    private static OrgRecord.QueueMetrics row(String queueId, JsonNode data) {
        String interval = required(data, "interval");
        String[] ends = interval.split("/");
        Instant from;
        Instant to;
        try {
            from = Instant.parse(ends[0]);
            to = Instant.parse(ends.length == 2 ? ends[1] : "");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("interval '" + interval + "' is not two ISO-8601 instants");
        }
        BigDecimal talk = BigDecimal.ZERO;
        BigDecimal held = BigDecimal.ZERO;
        BigDecimal acw = BigDecimal.ZERO;
        long connected = 0;
        for (JsonNode metric : data.path("metrics")) {
            JsonNode stats = metric.path("stats");
            switch (metric.path("metric").asText("")) {
                case "tTalk" -> talk = seconds(stats);
                case "tHeld" -> held = seconds(stats);
                case "tAcw" -> acw = seconds(stats);
                case "nConnected" -> connected = OrgJson.count(stats, "count");
                default -> {
                    // metrics the query did not ask for are not read
                }
            }
        }
        return new OrgRecord.QueueMetrics(queueId, from, to, talk, held, acw, connected);
    }

    private static BigDecimal seconds(JsonNode stats) {
        JsonNode sum = stats.get("sum");
        if (sum == null || !sum.isNumber()) {
            throw new IllegalArgumentException("a duration metric has no numeric sum, was " + stats);
        }
        BigDecimal millis = Decimals.parse("sum", sum.asText(), 15, 3);
        if (millis.signum() < 0) {
            throw new IllegalArgumentException("a duration sum must not be negative, was " + millis);
        }
        return millis.divide(THOUSAND, 6, RoundingMode.UNNECESSARY);
    }
}
