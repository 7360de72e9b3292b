package io.billinghub.referencedata.chargeback;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.referencedata.ValidationError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChargebackReferenceParserTest {

    private final ChargebackReferenceParser parser = new ChargebackReferenceParser();

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
