package io.billinghub.referencedata.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.allocation.ChargebackFixtures;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import io.billinghub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Genesys resource attributes as part of the chargeback set in the running hub: stored with its version and read
 * back as parsed, and a bad row rejecting the whole set while the version in force stays in force.
 */
class GenesysResourceAttributesReloadTest extends HubIntegrationTest {

    private static final String FILE = ChargebackReferenceParser.GENESYS_ATTRIBUTES;

    @Autowired
    private ActiveChargebackReference active;
    @Autowired
    private ChargebackReferenceStore store;

    @Test
    void theVersionInForceReadsBackFromSqlAsParsed() throws Exception {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : ChargebackReferenceParser.FILES) {
            files.put(name, Files.readAllBytes(MAPPINGS.resolve(name)));
        }
        List<ValidationError> errors = new ArrayList<>();
        ChargebackReferenceData parsed = new ChargebackReferenceParser(ChargebackFixtures.policy()
                .costCentreAttributes()).parse(files, errors);
        assertThat(errors).isEmpty();
        ChargebackReferenceData stored = store.load(active.require().versionId());
        // 10 queues x (owner, cost centre) + 3 trunks x allocation model
        assertThat(stored.genesysAttributes()).hasSize(23).isEqualTo(parsed.genesysAttributes());
        assertThat(stored.genesysAttributesOn(ResourceType.TRUNK, LocalDate.parse("2026-10-31")))
                .containsEntry("3a1500e6-4d76-369e-a232-82ecfb5e3536", Map.of("BU::ALLOCATION_MODEL", "HYBRID"));
    }

    @Test
    void aBadRowRejectsTheChargebackSetAndTheVersionInForceStays() throws Exception {
        long inForce = active.require().versionId();
        Path mapping = MAPPINGS.resolve(FILE);
        byte[] original = Files.readAllBytes(mapping);
        List<String> lines = new ArrayList<>(Files.readAllLines(mapping, StandardCharsets.UTF_8));
        // line 25: EU SIP (line 24, open-ended) again from November; line 26: a model the chargeback does not know
        lines.add("TRUNK,3a1500e6-4d76-369e-a232-82ecfb5e3536,EU SIP,BU::ALLOCATION_MODEL,VOLUME,2026-11-01,");
        lines.add("TRUNK,64480307-dea9-31f0-ba5a-6743b5189e7a,US Carrier A,BU::ALLOCATION_MODEL,PER_SEAT,2026-01-01,");
        Files.write(mapping, lines, StandardCharsets.UTF_8);
        try {
            JsonNode outcome = chargeback(post("/api/reference-data/reload", "").body());
            assertThat(outcome.path("result").asText()).isEqualTo("REJECTED");
            assertThat(outcome.path("errors").findValuesAsText("file")).containsOnly(FILE);
            assertThat(outcome.path("errors").findValuesAsText("line")).containsExactly("25", "26");
            assertThat(outcome.path("errors").findValuesAsText("reason")).containsExactly(
                    "effective range overlaps line 24 for TRUNK 3a1500e6-4d76-369e-a232-82ecfb5e3536"
                            + " BU::ALLOCATION_MODEL",
                    "allocation model 'PER_SEAT' is not VOLUME, CONCURRENCY_WEIGHTED or HYBRID");
            assertThat(active.require().versionId()).isEqualTo(inForce);
            assertThat(active.require().data().genesysAttributes()).hasSize(23);
        } finally {
            Files.write(mapping, original);
        }
        assertThat(chargeback(post("/api/reference-data/reload", "").body()).path("result").asText())
                .isEqualTo("UNCHANGED");
        assertThat(active.require().versionId()).isEqualTo(inForce);
    }

    /** The chargeback set's outcome among the outcomes of every set. */
    private JsonNode chargeback(String body) throws Exception {
        for (JsonNode outcome : json.readTree(body)) {
            if (outcome.path("dataset").asText().equals(ChargebackMappingDataset.NAME)) {
                return outcome;
            }
        }
        throw new AssertionError("no chargeback outcome in " + body);
    }
}
