package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelephonyDatasetTest {

    private static final Instant DAY_START = Instant.parse("2026-10-01T00:00:00Z");
    private static final Instant DAY_END = Instant.parse("2026-10-02T00:00:00Z");

    @Test
    void loadsAFileAndOrdersItByStartTimeThenLegId() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        // The file lists the ten legs shuffled; leg-b1 and leg-b2 start at the same millisecond.
        assertThat(dataset.legs()).extracting(TelephonyDatasetTest::legId).containsExactly(
                "leg-y1", "leg-a1", "leg-b1", "leg-b2", "leg-c1", "leg-c2", "leg-d1", "leg-e1", "leg-z1", "leg-x1");
        assertThat(dataset.source()).isEqualTo("classpath:sandbox/usage-small.json");
    }

    @Test
    void findsLegsStartingInAHalfOpenRange() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        // leg-y1 starts 1 ms before the day, leg-z1 exactly at its end: both outside [start, end).
        assertThat(dataset.find(DAY_START, DAY_END, null, null)).extracting(TelephonyDatasetTest::legId)
                .containsExactly("leg-a1", "leg-b1", "leg-b2", "leg-c1", "leg-c2", "leg-d1", "leg-e1");
    }

    @Test
    void filtersByCallTypeAndDirection() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        // Drops the monitor leg b2 and the inbound leg d1.
        assertThat(dataset.find(DAY_START, DAY_END, "voip", "outbound")).extracting(TelephonyDatasetTest::legId)
                .containsExactly("leg-a1", "leg-b1", "leg-c1", "leg-c2", "leg-e1");
        assertThat(dataset.find(DAY_START, DAY_END, "MONITOR", null)).extracting(TelephonyDatasetTest::legId)
                .containsExactly("leg-b2");
        assertThat(dataset.find(DAY_START, DAY_END, null, "inbound")).extracting(TelephonyDatasetTest::legId)
                .containsExactly("leg-d1");
    }

    @Test
    void servesRecordsExactlyAsGiven() throws IOException {
        // unknown fields and values the hub cannot map are served too: the hub must reject them, not the sandbox
        TelephonyDataset dataset = read("[{\"legId\": \"x\", \"startTime\": \"2026-10-01T10:00:00Z\","
                + " \"billingDuration\": \"long\", \"carrier\": \"Twilio\"}]");
        assertThat(dataset.legs().get(0).toString()).isEqualTo("{\"legId\":\"x\",\"startTime\":"
                + "\"2026-10-01T10:00:00Z\",\"billingDuration\":\"long\",\"carrier\":\"Twilio\"}");
    }

    @Test
    void loadsAFilesystemPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("legs.json");
        Files.writeString(file, "[{\"legId\": \"only\", \"startTime\": \"2026-10-01T10:00:00Z\"}]");
        TelephonyDataset dataset = SandboxConfiguration.load(file.toString());
        assertThat(dataset.legs()).extracting(TelephonyDatasetTest::legId).containsExactly("only");
        assertThat(SandboxConfiguration.load(file.toUri().toString()).legs()).hasSize(1);
    }

    @Test
    void aMissingFileFailsWithItsName() {
        assertThatIllegalStateException().isThrownBy(() -> SandboxConfiguration.load("/no/such/legs.json"))
                .withMessageContaining("/no/such/legs.json");
    }

    @Test
    void rejectsContentThatIsNotAnArrayOfRecordsWithAStartTime() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("{\"legId\": \"x\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> read("null"));
        assertThatIllegalArgumentException().isThrownBy(() -> read("[null]"));
        assertThatIllegalArgumentException().isThrownBy(() -> read("[{\"legId\": \"x\"}]"))
                .withMessageContaining("record 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read("[{\"legId\": \"x\", \"startTime\": \"1 Oct 2026\"}]"))
                .withMessageContaining("'1 Oct 2026', not an ISO-8601 instant");
    }

    @Test
    void anEmptyArrayIsAnEmptyDataset() throws IOException {
        assertThat(read("[]").legs()).isEmpty();
    }

    @Test
    void generatedDatasetComesFromTheGenerator() {
        TelephonyDataset dataset = TelephonyDataset.generated(YearMonth.of(2026, 10), 4, 7L);
        List<SandboxLeg> direct = UsageMonthGenerator.generate(YearMonth.of(2026, 10), 4, 7L);
        JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();
        assertThat(dataset.legs()).isEqualTo(direct.stream().map(leg -> (Object) mapper.valueToTree(leg)).toList());
        assertThat(dataset.source()).isEqualTo("generated 2026-10 (4 calls/day, seed 7)");
    }

    private static String legId(JsonNode record) {
        return record.path("legId").asText();
    }

    private static TelephonyDataset read(String json) throws IOException {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return TelephonyDataset.fromJson(in, "test.json");
        }
    }
}
