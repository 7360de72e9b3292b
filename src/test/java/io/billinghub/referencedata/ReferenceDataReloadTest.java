package io.billinghub.referencedata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A bad mapping set is rejected whole, with file, line and reason, and the version in force stays in force. */
class ReferenceDataReloadTest extends HubIntegrationTest {

    @Autowired
    private ActiveTelephonyReference active;

    @Test
    void anUnratedLegIsRatedByItsReplayOnceTheRateCardCoversIt() throws Exception {
        producer.sendBody("direct:telephony-extract-window", new ExtractionWindow("acme-contact",
                Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-10-16T00:00:00Z")));
        long caseId = jdbc.queryForObject("select id from exception_item where dedupe_key = 'leg:leg-06'", Long.class);

        // no Bandwidth.com rate for +688 yet: the replay fails and the case stays open
        JsonNode early = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}").body());
        assertThat(early.path("succeeded").asBoolean()).isFalse();
        assertThat(early.path("message").asText()).contains("leg leg-06 still cannot be rated: {NO_RATE=1}");
        assertThat(jdbc.queryForObject("select status from exception_item where id = ?", String.class, caseId))
                .isEqualTo("OPEN");

        Path rateCards = MAPPINGS.resolve("rate-cards.csv");
        byte[] original = Files.readAllBytes(rateCards);
        Files.writeString(rateCards, new String(original, StandardCharsets.UTF_8)
                + "Bandwidth.com,688,Tuvalu,0.5000,6/6,2026-01-01,\n");
        try {
            assertThat(telephony(post("/api/reference-data/reload", "").body()).path("result").asText())
                    .isEqualTo("ACTIVATED");
            JsonNode replay = json.readTree(post("/api/exceptions/" + caseId + "/replay", "{}",
                    TestUser.OPERATOR).body());
            assertThat(replay.path("succeeded").asBoolean()).isTrue();
            // 30 s at 6/6 bills 30 s = 0.5 min × 0.5000 = 0.2500
            assertThat(jdbc.queryForMap("select rating_status, destination_region, billed_seconds, cost from rated_leg"
                    + " where leg_id = 'leg-06'")).containsEntry("rating_status", "RATED")
                    .containsEntry("destination_region", "Tuvalu").containsEntry("billed_seconds", 30)
                    .containsEntry("cost", new java.math.BigDecimal("0.250000"));
            assertThat(jdbc.queryForMap("select status, resolution, resolved_by from exception_item where id = ?",
                    caseId)).containsEntry("status", "RESOLVED").containsEntry("resolution", "REPLAYED")
                    .containsEntry("resolved_by", "operator");
        } finally {
            Files.write(rateCards, original);
            post("/api/reference-data/reload", "");
        }
    }

    /** The telephony set's outcome among the outcomes of every set. */
    private JsonNode telephony(String body) throws Exception {
        for (JsonNode outcome : json.readTree(body)) {
            if (outcome.path("dataset").asText().equals(TelephonyRatingDataset.NAME)) {
                return outcome;
            }
        }
        throw new AssertionError("no telephony-rating outcome in " + body);
    }

    @Test
    void aBadSetIsRejectedWholeAndTheVersionInForceStays() throws Exception {
        long inForce = active.require().versionId();
        Path rateCards = MAPPINGS.resolve("rate-cards.csv");
        byte[] original = Files.readAllBytes(rateCards);
        List<String> lines = new ArrayList<>(Files.readAllLines(rateCards, StandardCharsets.UTF_8));
        lines.add("Bandwidth.com,1415,US-West,0.0050,6/6,2026-12-01,");   // line 8: overlaps line 5 (open-ended)
        lines.add("Bandwidth.com,44,UK,zero,6/6,2026-01-01,");             // line 9: malformed rate
        lines.add("Lumen,1,US,0.0100,6/6,2026-01-01,");                    // line 10: carrier not in carriers.csv
        Files.write(rateCards, lines, StandardCharsets.UTF_8);
        try {
            JsonNode outcome = telephony(post("/api/reference-data/reload", "").body());

            assertThat(outcome.path("result").asText()).isEqualTo("REJECTED");
            assertThat(outcome.path("errors").findValuesAsText("reason")).containsExactly(
                    "effective range overlaps line 5 for carrier 'Bandwidth.com' prefix 1415",
                    "rate_per_minute 'zero' is not a decimal number",
                    "carrier_name 'Lumen' is not in carriers.csv");
            assertThat(outcome.path("errors").findValuesAsText("line")).containsExactly("8", "9", "10");
            assertThat(active.require().versionId()).isEqualTo(inForce);
            // the rate card in force still has no UK row for Bandwidth.com
            assertThat(active.require().rating().rateCards().find("Bandwidth.com", "442079460000",
                    java.time.LocalDate.parse("2026-10-15"))).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'REFERENCE_DATA_REJECTED'"
                    + " and status = 'OPEN' and source_position = 'line 8'", Long.class)).isEqualTo(1L);
            assertThat(jdbc.queryForObject("select status from reference_data_version where id = ?", String.class,
                    outcome.path("versionId").asLong())).isEqualTo("REJECTED");

            // polling the same bad files again records nothing new
            assertThat(telephony(post("/api/reference-data/reload", "").body()).path("versionId").asLong())
                    .isEqualTo(outcome.path("versionId").asLong());
            assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isEqualTo(1L);
        } finally {
            Files.write(rateCards, original);
        }
        assertThat(telephony(post("/api/reference-data/reload", "").body()).path("result").asText())
                .isEqualTo("UNCHANGED");
        assertThat(active.require().versionId()).isEqualTo(inForce);
    }
}
