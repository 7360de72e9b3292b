package io.billinghub.extraction.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.UsageLeg;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageFileReaderTest {

    private static final String HEADER = "leg_id,call_id,start_time,duration_seconds,billing_duration_seconds,"
            + "carrier_name,destination_number\n";

    private final List<UsageFileReader.Chunk> chunks = new ArrayList<>();

    @Test
    void chunksAreCutOnlyWhereACallEnds() {
        // chunk size 2: A1 A2 (call A) fill the first; B1 B2 B3 share call B, so the second chunk takes all three
        String file = HEADER + line("A1", "A") + line("A2", "A") + line("B1", "B") + line("B2", "B")
                + line("B3", "B") + line("C1", "C");

        UsageFileReader.Totals totals = read(file, 2);

        assertThat(totals).isEqualTo(new UsageFileReader.Totals(6, 6, 0));
        assertThat(chunks).extracting(c -> c.legs().stream().map(UsageLeg::legId).toList())
                .containsExactly(List.of("A1", "A2"), List.of("B1", "B2", "B3"), List.of("C1"));
    }

    @Test
    void columnsAreFoundByNameQuotedFieldsAreReadAndBadLinesKeptWithTheirPosition() {
        // a byte order mark, columns in another order and upper case, a blank line, a quoted carrier name with a
        // comma, a time with an offset (+02:00 is 08:00Z), a line with a field too few and one without a leg id
        String file = "\uFEFFCALL_ID,Leg_Id,billing_duration_seconds,duration_seconds,start_time,carrier_name\n"
                + "\n"
                + "C1,L1,60,61,2026-10-20T10:00:00+02:00,\"Acme, Inc\"\n"
                + "C2,L2,60,61,2026-10-20T10:00:00Z\n"
                + "C3,,60,61,2026-10-20T10:00:00Z,Twilio\n";

        UsageFileReader.Totals totals = read(file, 100);

        assertThat(totals).isEqualTo(new UsageFileReader.Totals(3, 1, 2));
        UsageLeg leg = chunks.get(0).legs().get(0);
        assertThat(leg.legId()).isEqualTo("L1");
        assertThat(leg.carrierName()).isEqualTo("Acme, Inc");
        assertThat(leg.startTime()).isEqualTo(Instant.parse("2026-10-20T08:00:00Z"));
        assertThat(leg.durationSeconds()).isEqualTo(61);
        assertThat(leg.billingDurationSeconds()).isEqualTo(60);
        assertThat(leg.endTime()).isNull();
        assertThat(leg.rawPayload()).isEqualTo("C1,L1,60,61,2026-10-20T10:00:00+02:00,\"Acme, Inc\"");
        assertThat(chunks.get(0).rejected()).containsExactly(
                new RejectedRecord("line 4", "5 fields where the header has 6", "C2,L2,60,61,2026-10-20T10:00:00Z"),
                new RejectedRecord("line 5", "leg_id is empty", "C3,,60,61,2026-10-20T10:00:00Z,Twilio"));
    }

    @Test
    void theHandReadTimeAgreesWithJavaTimeAndRefusesWhatJavaTimeRefuses() {
        assertThat(UsageFileFormat.instant("2026-02-28T23:59:59Z", "t"))
                .isEqualTo(Instant.parse("2026-02-28T23:59:59Z"));
        assertThat(UsageFileFormat.instant("2028-02-29T00:00:00Z", "t"))
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        for (String bad : List.of("2026-02-29T00:00:00Z", "2026-10-20T24:00:00Z", "2026-10-20T10:60:00Z",
                "2026-10-20 10:00:00", "2026-10-20T10:00:00", "2026-1a-20T10:00:00Z")) {
            assertThatThrownBy(() -> UsageFileFormat.instant(bad, "start_time"))
                    .isInstanceOf(UsageFileFormat.RejectedLine.class)
                    .hasMessage("start_time '" + bad + "' is not an ISO-8601 instant with Z or an offset");
        }
    }

    @Test
    void aFileThatIsNotUtf8OrHasNoUsableHeaderFailsWhole() {
        byte[] latin1 = (HEADER + "L1,C1,2026-10-20T10:00:00Z,60,60,Caf\u00e9,+1212\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new UsageFileReader(10).read(new ByteArrayInputStream(latin1), "t", chunks::add))
                .isInstanceOf(InvalidUsageFileException.class).hasMessageStartingWith("line 2 is not UTF-8 text: ");
        assertThatThrownBy(() -> read("\n\n", 10)).isInstanceOf(InvalidUsageFileException.class)
                .hasMessage("the file is empty: it has no header line");
        assertThatThrownBy(() -> read("leg_id,start_time\n", 10)).isInstanceOf(InvalidUsageFileException.class)
                .hasMessage("the header lacks the required column(s) [call_id, duration_seconds,"
                        + " billing_duration_seconds]; it has [leg_id, start_time]");
    }

    private UsageFileReader.Totals read(String file, int chunkSize) {
        return new UsageFileReader(chunkSize).read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "acme", chunks::add);
    }

    private static String line(String legId, String callId) {
        return legId + "," + callId + ",2026-10-20T10:00:00Z,60,60,Twilio,+12125550100\n";
    }
}
