package io.billinghub.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The usage records the sandbox serves, sorted by startTime then legId, as the vendor API orders them. Records
 * are served exactly as given, unknown fields and odd values included, so a dataset can also exercise how the
 * hub treats records it cannot map.
 */
public final class TelephonyDataset {

    /** A record with the fields the API filters and orders by. */
    private record Served(JsonNode json, Instant startTime, String legId, String callType, String direction) {
    }

    private static final Comparator<Served> ORDER = Comparator.comparing(Served::startTime)
            .thenComparing(Served::legId, Comparator.nullsLast(Comparator.naturalOrder()));
    private static final JsonMapper MAPPER = JsonMapper.builder().findAndAddModules().build();

    private final String source;
    private final List<Served> records;

    private TelephonyDataset(String source, List<Served> records) {
        this.source = source;
        List<Served> sorted = new ArrayList<>(records);
        sorted.sort(ORDER);
        this.records = List.copyOf(sorted);
    }

    public static TelephonyDataset generated(YearMonth period, int callsPerDay, long seed) {
        List<Served> records = new ArrayList<>();
        for (SandboxLeg leg : UsageMonthGenerator.generate(period, callsPerDay, seed)) {
            records.add(new Served(MAPPER.valueToTree(leg), leg.startTime(), leg.legId(), leg.callType(),
                    leg.direction()));
        }
        return new TelephonyDataset("generated " + period + " (" + callsPerDay + " calls/day, seed " + seed + ")",
                records);
    }

    /**
     * Reads a JSON array of usage records in the vendor's shape. Every record must be an object with a startTime
     * (an ISO-8601 instant: the API filters windows by it); everything else is served as given.
     *
     * @param source names the data in messages (a file name)
     * @throws IllegalArgumentException when the content is not such an array
     */
    public static TelephonyDataset fromJson(InputStream content, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(content);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Sandbox dataset " + source + " is not JSON: " + e.getOriginalMessage(),
                    e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("Sandbox dataset " + source + " is not a JSON array of usage records");
        }
        List<Served> records = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode record = root.get(i);
            if (!record.isObject() || !record.path("startTime").isTextual()) {
                throw new IllegalArgumentException("Sandbox dataset " + source + ": record " + i
                        + " must be an object with a startTime");
            }
            try {
                records.add(new Served(record, Instant.parse(record.get("startTime").asText()), text(record, "legId"),
                        text(record, "callType"), text(record, "direction")));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Sandbox dataset " + source + ": record " + i + " has startTime '"
                        + record.get("startTime").asText() + "', not an ISO-8601 instant", e);
            }
        }
        return new TelephonyDataset(source, records);
    }

    /** Records whose startTime is in [from, to), optionally of one callType and direction (case-insensitive). */
    public List<JsonNode> find(Instant from, Instant to, String callType, String direction) {
        return records.stream()
                .filter(r -> !r.startTime().isBefore(from) && r.startTime().isBefore(to))
                .filter(r -> callType == null || callType.equalsIgnoreCase(r.callType()))
                .filter(r -> direction == null || direction.equalsIgnoreCase(r.direction()))
                .map(Served::json)
                .toList();
    }

    public List<JsonNode> legs() {
        return records.stream().map(Served::json).toList();
    }

    public String source() {
        return source;
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
