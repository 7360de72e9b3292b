package io.billinghub.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.allocation.ChargebackFixtures;
import io.billinghub.allocation.TenantSnapshot;
import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgResource;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/**
 * The chargeback period route on the hand-worked organisation of ChargebackFixture (figures in AllocationEngineTest),
 * staged as if extracted: report, CSV and FOCUS export, an override with its lineage, the audit table's refusal of
 * tampering, issue and ERP push (idempotent, adjustments as a second batch), and an issued report that stays.
 */
class ChargebackPipelineTest extends HubIntegrationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    private OrgSnapshotStore store;

    private void stageFixture() {
        TenantSnapshot t = ChargebackFixtures.tenant();
        String id = "2026-10/genesys/acme/seed";
        store.begin(id, "seed", OCTOBER, "genesys", "acme", OrgExtractionSteps.snapshotOf(OCTOBER), null);
        Map<OrgResource, List<? extends OrgRecord>> byResource = Map.of(OrgResource.USERS, t.users(),
                OrgResource.QUEUES, t.queues(), OrgResource.TRUNKS, t.trunks(), OrgResource.CONVERSATIONS,
                t.conversations(), OrgResource.WFM_SHIFTS, t.shifts(), OrgResource.ANALYTICS, t.analytics(),
                OrgResource.SESSIONS, t.sessions(), OrgResource.INVOICE, t.charges());
        byResource.forEach((resource, records) -> store.stage(id, resource, new ArrayList<>(records)));
        store.complete(id, 0, 0, 0, Map.of());
    }

    private void runPeriod(boolean close) throws Exception {
        NotifyBuilder done = whenRouteDone("chargeback-period");
        HttpResponse<String> started = post("/api/runs",
                "{\"pipeline\":\"chargeback\",\"period\":\"2026-10\",\"close\":" + close + ",\"extract\":false}");
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(done.matches(60, TimeUnit.SECONDS)).isTrue();
    }

    private JsonNode report() throws Exception {
        HttpResponse<String> response = get("/api/chargeback/2026-10");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static JsonNode centre(JsonNode report, String division, String code) {
        for (JsonNode c : report.path("costCentres")) {
            if (c.path("division").asText().equals(division) && c.path("costCentre").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no cost centre " + division + "/" + code);
    }

    @Test
    void monthlyReportOverridesIssueAndErpPush() throws Exception {
        stageFixture();
        runPeriod(false);
        JsonNode report = report();
        assertThat(report.path("status").asText()).isEqualTo("DRAFT");
        assertThat(report.path("multiplierVersion").asText()).isEqualTo("2026-Q4-v1");
        assertThat(report.path("manifest").path("platformSpend").decimalValue()).isEqualByComparingTo("700.36");
        assertThat(report.path("manifest").path("totalAllocated").decimalValue()).isEqualByComparingTo("535.27");
        assertThat(report.path("manifest").path("flaggedForReview").asBoolean()).isTrue();
        JsonNode retail = centre(report, "us-east", "RET-0452");
        assertThat(retail.path("adjustedTotal").decimalValue()).isEqualByComparingTo("121.43");
        assertThat(retail.path("licenceUtilisation").decimalValue()).isEqualByComparingTo("0.2000");
        assertThat(retail.path("adjusted").path("TELEPHONY").decimalValue()).isEqualByComparingTo("20.98");
        assertThat(centre(report, "GLOBAL", "UNALLOCATED").path("adjustedTotal").decimalValue())
                .isEqualByComparingTo("165.09");
        assertThat(report.path("adjustedTotal").decimalValue()).isEqualByComparingTo("700.36");
        // the ghost cost centre and the flagged variance wait in the exception queue
        assertThat(jdbc.queryForList("select type from exception_item where pipeline = 'chargeback' order by type",
                String.class)).contains("CHARGEBACK_COST_CENTRE", "CHARGEBACK_VARIANCE", "CHARGEBACK_WFM_VARIANCE");

        // CSV per cost centre, and FOCUS whose BilledCost adds up to the invoice
        HttpResponse<String> csv = get("/api/chargeback/2026-10?format=csv");
        assertThat(csv.body()).contains("2026-10,DRAFT,2026-Q4-v1,RETAIL,us-east,RET-0452,20.98,50.00,0.22,0.23,"
                + "50.00,121.43,121.43,0.00,0.2000,");
        List<String> focus = get("/api/chargeback/2026-10/focus").body().lines().toList();
        assertThat(focus.get(0)).startsWith("BilledCost,BillingAccountId,BillingAccountName,BillingCurrency");
        assertThat(focus.stream().skip(1).map(l -> new BigDecimal(l.substring(0, l.indexOf(','))))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("700.36");

        // finance lowers retail's licence charge to 40.00 for a one-time campaign; Unallocated takes the 10.00
        HttpResponse<String> created = post("/api/chargeback/2026-10/overrides", """
                {"division": "us-east", "costCentre": "RET-0452", "category": "LICENCE", "adjustedAmount": 40.00,
                 "reasonCode": "ONE_TIME_CAMPAIGN", "approverId": "FIN-CTRL-1", "note": "Q4 pilot"}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode override = json.readTree(created.body());
        assertThat(override.path("originalAmount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(override.path("checksumOriginal").asText()).hasSize(64);
        // the requester is the authenticated user, who cannot approve their own override
        assertThat(override.path("requestedBy").asText()).isEqualTo("admin");
        report = report();
        retail = centre(report, "us-east", "RET-0452");
        assertThat(retail.path("allocated").path("LICENCE").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(retail.path("adjusted").path("LICENCE").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(retail.path("overrides").get(0).asLong()).isEqualTo(override.path("overrideId").asLong());
        assertThat(centre(report, "GLOBAL", "UNALLOCATED").path("adjustedTotal").decimalValue())
                .isEqualByComparingTo("175.09");
        assertThat(report.path("adjustedTotal").decimalValue()).isEqualByComparingTo("700.36");
        assertThat(post("/api/chargeback/2026-10/overrides", """
                {"division": "us-east", "costCentre": "RET-0452", "category": "LICENCE", "adjustedAmount": 30.00,
                 "reasonCode": "ONE_TIME_CAMPAIGN", "approverId": "admin", "note": "self-approved",
                 "requestedBy": "FIN-CTRL-1"}""").statusCode()).isEqualTo(400);

        // the database itself refuses to change or remove an override
        assertThatThrownBy(() -> jdbc.update("update chargeback_override set adjusted_amount = 0"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from chargeback_override"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate chargeback_override"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(json.readTree(get("/api/chargeback/overrides/verify").body()).path("intact").asBoolean()).isTrue();

        // issue and post: one ORIGINAL batch of the adjusted figures, totalling the invoice
        runPeriod(true);
        JsonNode issued = report();
        assertThat(issued.path("status").asText()).isEqualTo("ISSUED");
        assertThat(erpLedger.charges()).hasSize(1);
        JsonNode posted = json.readTree(erpLedger.charges().get(0).payload());
        assertThat(posted.path("period").asText()).isEqualTo("2026-10");
        assertThat(posted.path("currency").asText()).isEqualTo("USD");
        assertThat(posted.path("kind").asText()).isEqualTo("ORIGINAL");
        assertThat(posted.path("total").asText()).isEqualTo("700.36");
        assertThat(posted.path("charges").path("us-east/RET-0452").path("LICENCE").asText()).isEqualTo("40.00");

        // an issued report is frozen: the database refuses to change its lines; a re-run changes nothing
        assertThatThrownBy(() -> jdbc.update("update chargeback_line set amount = 0 where period = '2026-10'"))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("issued");
        runPeriod(true);
        assertThat(report().path("revision").asInt()).isEqualTo(issued.path("revision").asInt());
        assertThat(report().path("linesChecksum").asText()).isEqualTo(issued.path("linesChecksum").asText());
        assertThat(erpLedger.charges()).hasSize(1);

        // an override after issue goes to the ERP as an ADJUSTMENT batch of the difference only
        assertThat(post("/api/chargeback/2026-10/overrides", """
                {"division": "us-east", "costCentre": "SAL-0100", "category": "TELEPHONY", "adjustedAmount": 30.24,
                 "offsetDivision": "us-east", "offsetCostCentre": "FIN-0001", "reasonCode": "TRUNK_REASSIGNED",
                 "approverId": "FIN-CTRL-1", "note": "trunk moved"}""")
                .statusCode()).isEqualTo(201);
        runPeriod(true);
        assertThat(erpLedger.charges()).hasSize(2);
        JsonNode adjustment = json.readTree(erpLedger.charges().get(1).payload());
        assertThat(adjustment.path("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(adjustment.path("total").asText()).isEqualTo("0.00");
        assertThat(adjustment.path("charges").path("us-east/SAL-0100").path("TELEPHONY").asText())
                .isEqualTo("-5.00");
        assertThat(adjustment.path("charges").path("us-east/FIN-0001").path("TELEPHONY").asText())
                .isEqualTo("5.00");

        // someone with the owner's rights disables the trigger and edits a row: the chain check finds it
        jdbc.execute("alter table chargeback_override disable trigger chargeback_override_no_update");
        jdbc.update("update chargeback_override set adjusted_amount = 45.00 where override_id = 1");
        jdbc.execute("alter table chargeback_override enable trigger chargeback_override_no_update");
        JsonNode verification = json.readTree(get("/api/chargeback/overrides/verify").body());
        assertThat(verification.path("intact").asBoolean()).isFalse();
        assertThat(verification.path("firstBrokenOverrideId").asLong()).isEqualTo(1);
    }
}
