package io.billinghub.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A chargeback month extracted through the vendor sandboxes (Genesys pages by number, CXone by _links.next, both
 * with 429s and 503s injected) as of the snapshot instant: both tenants' extractions complete with balanced counts,
 * the charges add up to the two platform invoices as extracted (summed here straight from the staged invoice lines,
 * not from the engine), and a second run of the period changes no figure.
 */
class ChargebackSandboxExtractionTest extends HubIntegrationTest {

    @Test
    void bothTenantsExtractedAsOfTheSnapshotAndAllocatedToTheCent() throws Exception {
        String runId = runOctober("chargeback", "chargeback-period", false);
        JsonNode run = json.readTree(get("/api/runs/" + runId).body());
        assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
        List<Map<String, Object>> extractions = jdbc.queryForList("""
                select vendor, status, snapshot_at, records_in, accepted, rejected from org_extraction
                where run_id = ? order by vendor""", runId);
        assertThat(extractions).extracting(e -> e.get("vendor") + " " + e.get("status"))
                .containsExactly("cxone COMPLETE", "genesys COMPLETE");
        for (Map<String, Object> e : extractions) {
            assertThat(((Number) e.get("records_in")).longValue()).isEqualTo(((Number) e.get("accepted")).longValue()
                    + ((Number) e.get("rejected")).longValue());
            assertThat(e.get("snapshot_at").toString()).startsWith("2026-11-01 00:00:00");
        }
        BigDecimal invoiced = jdbc.queryForObject("""
                select sum((r.payload->>'amount')::numeric) from org_record r
                join org_extraction e on e.extraction_id = r.extraction_id
                where e.run_id = ? and r.resource = 'INVOICE'""", BigDecimal.class, runId);
        assertThat(invoiced).isPositive();
        JsonNode report = json.readTree(get("/api/chargeback/2026-10").body());
        JsonNode manifest = report.path("manifest");
        assertThat(manifest.path("platformSpend").decimalValue()).isEqualByComparingTo(invoiced);
        assertThat(manifest.path("totalCharged").decimalValue()).isEqualByComparingTo(invoiced);
        assertThat(manifest.path("conservationDifference").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(report.path("adjustedTotal").decimalValue()).isEqualByComparingTo(invoiced);
        BigDecimal perUnit = BigDecimal.ZERO;
        for (JsonNode unit : report.path("businessUnits")) {
            perUnit = perUnit.add(unit.path("total").decimalValue());
        }
        assertThat(perUnit).isEqualByComparingTo(invoiced);
        // the planted cases: ghost centres, a malformed code, a human agent without one, DST-crossing shifts
        assertThat(jdbc.queryForList("select distinct reason_code from chargeback_line where period = '2026-10'",
                String.class)).contains("GHOST_COST_CENTRE", "INVALID_COST_CENTRE", "MISSING_COST_CENTRE",
                "DEFAULT_COST_CENTRE", "CROSS_QUEUE_OVERFLOW", "UNRECOVERED_LICENCE");

        String checksum = report.path("linesChecksum").asText();
        runOctober("chargeback", "chargeback-period", false);
        JsonNode again = json.readTree(get("/api/chargeback/2026-10").body());
        assertThat(again.path("linesChecksum").asText()).isEqualTo(checksum);
        assertThat(again.path("revision").asInt()).isEqualTo(2);
    }
}
