package io.billinghub.referencedata.chargeback;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.allocation.ChargebackFixtures;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChargebackReferenceParserTest {

    private final ChargebackReferenceParser parser = new ChargebackReferenceParser(
            ChargebackFixtures.policy().costCentreAttributes());

    private static Map<String, byte[]> shipped() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : ChargebackReferenceParser.FILES) {
            files.put(name, Files.readAllBytes(Path.of("mappings", name)));
        }
        return files;
    }

    @Test
    void shippedSetIsValidAndEachPeriodHasItsVersion() throws IOException {
        List<ValidationError> errors = new ArrayList<>();
        ChargebackReferenceData data = parser.parse(shipped(), errors);
        assertThat(errors).isEmpty();
        assertThat(data.versionFor(YearMonth.of(2026, 9)).orElseThrow().version()).isEqualTo("2026-Q3-v1");
        assertThat(data.versionFor(YearMonth.of(2026, 10)).orElseThrow().multipliers().licencePerSeatMonthly()
                .get("CX_3")).isEqualByComparingTo("80.00");
        assertThat(data.versionFor(YearMonth.of(2026, 6))).isEmpty();
        assertThat(data.costCentre("eu-west", "FIN-0001", YearMonth.of(2026, 10).atEndOfMonth())).isPresent();
        assertThat(data.costCentre("us-east", "MKT-0300", YearMonth.of(2026, 10).atEndOfMonth())).isEmpty();
        // the sandbox's 10 queues (owner and cost centre each) and 3 trunks (allocation model each)
        LocalDate october31 = LocalDate.parse("2026-10-31");
        assertThat(data.genesysAttributes()).hasSize(23);
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, october31)).hasSize(10)
                .containsEntry("976cd646-0292-3124-acd7-c8f5c8fbafd3", Map.of("BU::OWNER", "SUPPORT",
                        "CostCenterID", "OPS-9999"));
        assertThat(data.genesysAttributesOn(ResourceType.TRUNK, october31)).isEqualTo(Map.of(
                "64480307-dea9-31f0-ba5a-6743b5189e7a", Map.of("BU::ALLOCATION_MODEL", "VOLUME"),
                "5b3f6524-19fc-3009-8861-223a041b27f4", Map.of("BU::ALLOCATION_MODEL", "CONCURRENCY_WEIGHTED"),
                "3a1500e6-4d76-369e-a232-82ecfb5e3536", Map.of("BU::ALLOCATION_MODEL", "HYBRID")));
        // before the rows start nothing is in force
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, LocalDate.parse("2025-12-31"))).isEmpty();
    }

    /**
     * Each attribute of a resource has its own validity; on the last day of October the row in force is the one that
     * started last (the successor on the 16 October handover), and the November owner is not yet in force.
     */
    @Test
    void theGenesysAttributesInForceOnADayAreTheRowsCoveringIt() throws IOException {
        Map<String, byte[]> files = shipped();
        files.put(ChargebackReferenceParser.GENESYS_ATTRIBUTES, """
                resource_type,resource_id,resource_name,attribute,value,effective_from,effective_to
                QUEUE,q1,Care,BU::COST_CENTER,RET-0452,2026-01-01,2026-10-16
                QUEUE,q1,Care,BU::COST_CENTER,SAL-0100,2026-10-16,
                QUEUE,q1,Care,BU::OWNER,RETAIL,2026-01-01,2026-10-31
                QUEUE,q1,Care,BU::OWNER,SALES,2026-11-01,
                QUEUE,q2,Old,CostCenterID,FIN-0001,2026-01-01,2026-09-30
                TRUNK,q1,Same id other type,BU::ALLOCATION_MODEL,HYBRID,2026-01-01,
                """.getBytes(UTF_8));
        List<ValidationError> errors = new ArrayList<>();
        ChargebackReferenceData data = parser.parse(files, errors);
        assertThat(errors).isEmpty();
        LocalDate october31 = LocalDate.parse("2026-10-31");
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, october31)).isEqualTo(Map.of(
                "q1", Map.of("BU::COST_CENTER", "SAL-0100", "BU::OWNER", "RETAIL")));
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, LocalDate.parse("2026-10-16")).get("q1"))
                .containsEntry("BU::COST_CENTER", "SAL-0100");
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, LocalDate.parse("2026-10-15")).get("q1"))
                .containsEntry("BU::COST_CENTER", "RET-0452");
        assertThat(data.genesysAttributesOn(ResourceType.QUEUE, LocalDate.parse("2026-09-30")).get("q2"))
                .isEqualTo(Map.of("CostCenterID", "FIN-0001"));
        assertThat(data.genesysAttributesOn(ResourceType.TRUNK, october31)).isEqualTo(Map.of(
                "q1", Map.of("BU::ALLOCATION_MODEL", "HYBRID")));
    }

    /** The file is optional (only the published Genesys connector needs it); without it no resource has any. */
    @Test
    void withoutTheGenesysAttributesFileTheSetHasNone() throws IOException {
        Map<String, byte[]> files = shipped();
        files.remove(ChargebackReferenceParser.GENESYS_ATTRIBUTES);
        List<ValidationError> errors = new ArrayList<>();
        ChargebackReferenceData data = parser.parse(files, errors);
        assertThat(errors).isEmpty();
        assertThat(data.genesysAttributes()).isEmpty();
        assertThat(data.costCentres()).hasSize(8);
    }

    /** One bad row of the Genesys attributes rejects the whole set, HRIS and multipliers included. */
    @Test
    void badGenesysAttributeRowsRejectTheWholeSetWithFileAndLine() throws IOException {
        Map<String, byte[]> files = shipped();
        files.put(ChargebackReferenceParser.GENESYS_ATTRIBUTES, """
                resource_type,resource_id,resource_name,attribute,value,effective_from,effective_to
                QUEUE,q1,Care,BU::COST_CENTER,RET-0452,2026-01-01,
                QUEUE,q1,Care,BU::COST_CENTER,SAL-0100,2026-10-01,
                TRUNK,t1,Carrier A,BU::ALLOCATION_MODEL,FLAT_RATE,2026-01-01,
                QUEUE,,No id,BU::OWNER,RETAIL,2026-01-01,
                SKILL,s1,A skill,BU::OWNER,RETAIL,2026-01-01,
                TRUNK,t2,Carrier B,BU::COST_CENTER,RET-0452,2026-01-01,
                QUEUE,q3,Typo,BU::COST_CENTRE,RET-0452,2026-01-01,
                QUEUE,q4,Empty,BU::OWNER,,2026-01-01,
                QUEUE,q5,Backwards,BU::OWNER,RETAIL,2026-10-31,2026-10-01
                QUEUE,q6,Short,BU::OWNER
                """.getBytes(UTF_8));
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files, errors)).isNull();
        assertThat(errors).extracting(ValidationError::toString).containsExactly(
                "genesys-resource-attributes.csv:11: has 4 fields, the header has 7",
                "genesys-resource-attributes.csv:3: effective range overlaps line 2 for QUEUE q1 BU::COST_CENTER",
                "genesys-resource-attributes.csv:4: allocation model 'FLAT_RATE' is not VOLUME, CONCURRENCY_WEIGHTED"
                        + " or HYBRID",
                "genesys-resource-attributes.csv:5: resource_id '' is empty or not a code",
                "genesys-resource-attributes.csv:6: resource_type 'SKILL' is not QUEUE or TRUNK",
                "genesys-resource-attributes.csv:7: attribute 'BU::COST_CENTER' is not read from a TRUNK: use one of"
                        + " BU::ALLOCATION_MODEL",
                "genesys-resource-attributes.csv:8: attribute 'BU::COST_CENTRE' is not read from a QUEUE: use one of"
                        + " BU::OWNER, BU::COST_CENTER, CostCenterID",
                "genesys-resource-attributes.csv:9: value is empty",
                "genesys-resource-attributes.csv:10: effective_to 2026-10-01 is before effective_from 2026-10-31");
    }

    @Test
    void editedRateWithoutNewChecksumRejectsTheWholeSet() throws IOException {
        Map<String, byte[]> files = shipped();
        files.put(ChargebackReferenceParser.MULTIPLIERS, new String(files.get(ChargebackReferenceParser.MULTIPLIERS),
                UTF_8).replace("\"CX_3\": \"80.00\"", "\"CX_3\": \"60.00\"").getBytes(UTF_8));
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files, errors)).isNull();
        assertThat(errors).singleElement().extracting(ValidationError::reason).asString()
                .startsWith("versions[2]: checksum sha256:ad6a9c96").contains("does not match the multipliers");
    }

    @Test
    void overlappingVersionsMidMonthStartsAndOverlappingCostCentresAreRefused() {
        String multipliers = """
                {"versions": [
                  {"version": "a", "effectiveDate": "2026-07-01", "deprecationDate": null, "approverId": "X",
                   "checksum": "%s", "multipliers": %s},
                  {"version": "b", "effectiveDate": "2026-10-15", "approverId": "X", "checksum": "%s",
                   "multipliers": %s}]}""";
        String rates = """
                {"license_per_seat_monthly": {"CX_1": "25.00"}, "telephony_per_minute": "0.01",
                 "wfm_per_scheduled_minute": "0.001", "analytics_per_processed_minute": "0.004",
                 "shared_resource_allocation": "VOLUME"}""";
        String checksum;
        try {
            checksum = ChargebackReferenceParser.checksum(new ObjectMapper()
                    .readTree(rates));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, byte[]> files = Map.of(
                ChargebackReferenceParser.MULTIPLIERS,
                multipliers.formatted(checksum, rates, checksum, rates).getBytes(UTF_8),
                ChargebackReferenceParser.COST_CENTRES, """
                        division,cost_centre,business_unit,cost_centre_name,valid_from,valid_to
                        us-east,FIN-0001,FINANCE,A,2024-01-01,
                        us-east,FIN-0001,FINANCE,B,2025-01-01,
                        eu-west,FIN-0001,FINANCE,C,2024-01-01,
                        """.getBytes(UTF_8));
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files, errors)).isNull();
        assertThat(errors).extracting(ValidationError::toString).containsExactlyInAnyOrder(
                "hris-cost-centres.csv:3: effective range overlaps line 2 for us-east/FIN-0001",
                "cost-multipliers.json: versions[2]: effectiveDate 2026-10-15 is not the first of a month: a version"
                        + " applies to whole periods",
                "cost-multipliers.json: versions a and b are both in force on 2026-10-15");
    }
}
