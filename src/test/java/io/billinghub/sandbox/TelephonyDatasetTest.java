package io.billinghub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
        assertThat(dataset.legs()).extracting(SandboxLeg::legId).containsExactly(
                "leg-y1", "leg-a1", "leg-b1", "leg-b2", "leg-c1", "leg-c2", "leg-d1", "leg-e1", "leg-z1", "leg-x1");
        assertThat(dataset.source()).isEqualTo("classpath:sandbox/usage-small.json");
    }

    @Test
    void findsLegsStartingInAHalfOpenRange() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        // leg-y1 starts 1 ms before the day, leg-z1 exactly at its end: both outside [start, end).
        assertThat(dataset.find(DAY_START, DAY_END, null, null)).extracting(SandboxLeg::legId)
                .containsExactly("leg-a1", "leg-b1", "leg-b2", "leg-c1", "leg-c2", "leg-d1", "leg-e1");
    }

    @Test
    void filtersByCallTypeAndDirection() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        // Drops the monitor leg b2 and the inbound leg d1.
        assertThat(dataset.find(DAY_START, DAY_END, "voip", "outbound")).extracting(SandboxLeg::legId)
                .containsExactly("leg-a1", "leg-b1", "leg-c1", "leg-c2", "leg-e1");
        assertThat(dataset.find(DAY_START, DAY_END, "MONITOR", null)).extracting(SandboxLeg::legId)
                .containsExactly("leg-b2");
        assertThat(dataset.find(DAY_START, DAY_END, null, "inbound")).extracting(SandboxLeg::legId)
                .containsExactly("leg-d1");
    }

    @Test
    void servesTimesWithMillisecondsEvenWhenTheFileHasNone() throws IOException {
        TelephonyDataset dataset = SandboxConfiguration.load("classpath:sandbox/usage-small.json");
        SandboxLeg a1 = dataset.legs().get(1);
        String json = JsonMapper.builder().findAndAddModules().build().writeValueAsString(a1);
        // The file says "2026-10-01T08:00:00Z".
        assertThat(json).isEqualTo("{\"callId\":\"call-a\",\"legId\":\"leg-a1\","
                + "\"startTime\":\"2026-10-01T08:00:00.000Z\",\"endTime\":\"2026-10-01T08:03:35.000Z\","
                + "\"duration\":215,\"billingDuration\":216,\"carrierName\":\"Bandwidth.com\","
                + "\"destinationNumber\":\"+12125550101\",\"destinationLocation\":\"New York, NY\","
                + "\"callType\":\"voip\",\"direction\":\"outbound\",\"callOutcome\":\"answered\"}");
    }

    @Test
    void loadsAFilesystemPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("legs.json");
        Files.writeString(file, "[{\"legId\": \"only\", \"startTime\": \"2026-10-01T10:00:00Z\"}]");
        TelephonyDataset dataset = SandboxConfiguration.load(file.toString());
        // Fields the file leaves out are served as null.
        assertThat(dataset.legs()).containsExactly(new SandboxLeg(null, "only", Instant.parse("2026-10-01T10:00:00Z"),
                null, null, null, null, null, null, null, null, null));
        assertThat(SandboxConfiguration.load(file.toUri().toString()).legs()).hasSize(1);
    }

    @Test
    void aMissingFileFailsWithItsName() {
        assertThatIllegalStateException().isThrownBy(() -> SandboxConfiguration.load("/no/such/legs.json"))
                .withMessageContaining("/no/such/legs.json");
    }

    @Test
    void rejectsContentThatIsNotAnArrayOfLegs() {
        assertThatIllegalArgumentException().isThrownBy(() -> read("{\"legId\": \"x\"}"));
        assertThatIllegalArgumentException().isThrownBy(() -> read("null"));
        assertThatIllegalArgumentException().isThrownBy(() -> read("[null]"));
        // A misspelt field is reported, not silently dropped.
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read(
                        "[{\"legId\": \"x\", \"startTime\": \"2026-10-01T10:00:00Z\", \"carrier\": \"Twilio\"}]"))
                .withMessageContaining("carrier");
        assertThatIllegalArgumentException().isThrownBy(() -> read("[{\"legId\": \"x\"}]"))
                .withMessageContaining("record 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> read("[{\"legId\": \"x\", \"startTime\": \"1 Oct 2026\"}]"));
    }

    @Test
    void anEmptyArrayIsAnEmptyDataset() throws IOException {
        assertThat(read("[]").legs()).isEmpty();
    }

    @Test
    void generatedDatasetComesFromTheGenerator() {
        TelephonyDataset dataset = TelephonyDataset.generated(YearMonth.of(2026, 10), 4, 7L);
        List<SandboxLeg> direct = UsageMonthGenerator.generate(YearMonth.of(2026, 10), 4, 7L);
        assertThat(dataset.legs()).isEqualTo(direct);
        assertThat(dataset.source()).isEqualTo("generated 2026-10 (4 calls/day, seed 7)");
    }

    private static TelephonyDataset read(String json) throws IOException {
        try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return TelephonyDataset.fromJson(in, "test.json");
        }
    }
}
