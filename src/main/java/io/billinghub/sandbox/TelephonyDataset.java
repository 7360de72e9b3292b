package io.billinghub.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The usage legs the sandbox serves, sorted by startTime then legId, as the vendor API orders them. */
public final class TelephonyDataset {

    private static final Comparator<SandboxLeg> ORDER =
            Comparator.comparing(SandboxLeg::startTime).thenComparing(SandboxLeg::legId);

    // Strict on purpose: a misspelt field in a hand-written file should fail loudly, not be served as null.
    private static final JsonMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final String source;
    private final List<SandboxLeg> legs;

    private TelephonyDataset(String source, List<SandboxLeg> legs) {
        this.source = source;
        List<SandboxLeg> sorted = new ArrayList<>(legs);
        sorted.sort(ORDER);
        this.legs = List.copyOf(sorted);
    }

    public static TelephonyDataset generated(YearMonth period, int callsPerDay, long seed) {
        return new TelephonyDataset("generated " + period + " (" + callsPerDay + " calls/day, seed " + seed + ")",
                UsageMonthGenerator.generate(period, callsPerDay, seed));
    }

    /**
     * Reads a JSON array of legs in the vendor's shape. Every record needs a legId and a startTime (the API
     * filters and orders by them); other fields are served as given, missing ones as null.
     *
     * @param source names the data in messages (a file name)
     * @throws IllegalArgumentException when the content is not such an array
     */
    public static TelephonyDataset fromJson(InputStream content, String source) throws IOException {
        SandboxLeg[] records;
        try {
            records = MAPPER.readValue(content, SandboxLeg[].class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Sandbox dataset " + source + " is not a JSON array of usage legs: "
                    + e.getOriginalMessage(), e);
        }
        if (records == null) {
            throw new IllegalArgumentException("Sandbox dataset " + source + " is not a JSON array of usage legs");
        }
        for (int i = 0; i < records.length; i++) {
            SandboxLeg leg = records[i];
            if (leg == null || leg.legId() == null || leg.startTime() == null) {
                throw new IllegalArgumentException("Sandbox dataset " + source + ": record " + i
                        + " needs at least a legId and a startTime");
            }
        }
        return new TelephonyDataset(source, Arrays.asList(records));
    }

    /** Legs whose startTime is in [from, to), optionally only of one callType and direction (case-insensitive). */
    public List<SandboxLeg> find(Instant from, Instant to, String callType, String direction) {
        return legs.stream()
                .filter(leg -> !leg.startTime().isBefore(from) && leg.startTime().isBefore(to))
                .filter(leg -> callType == null || callType.equalsIgnoreCase(leg.callType()))
                .filter(leg -> direction == null || direction.equalsIgnoreCase(leg.direction()))
                .toList();
    }

    public List<SandboxLeg> legs() {
        return legs;
    }

    public String source() {
        return source;
    }
}
