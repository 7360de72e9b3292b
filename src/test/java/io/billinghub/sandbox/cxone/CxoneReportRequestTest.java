package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxoneReportRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theWindowIsInclusiveAtBothEndsToTheSecond() {
        List<CxoneReportLine> lines = List.of(
                call("ln_1", "2026-10-01T03:59:59Z", "0.1000", "0.0080"),
                call("ln_2", "2026-10-01T04:00:00Z", "0.1000", "0.0080"),
                call("ln_3", "2026-10-15T14:30:00Z", "0.1000", "0.0080"),
                call("ln_4", "2026-11-01T03:59:59Z", "0.1000", "0.0080"),
                call("ln_5", "2026-11-01T04:00:00Z", "0.1000", "0.0080"));
        CxoneReportRequest request = parse(CxoneTestSupport.OCTOBER);
        // startDate 04:00:00Z and endDate 03:59:59Z are both in; a second before or after is not.
        assertThat(request.select(lines)).extracting(CxoneReportLine::lineId).containsExactly("ln_2", "ln_3", "ln_4");
    }

    @Test
    void readsTheDocumentsRequest() {
        CxoneReportRequest request = parse(CxoneTestSupport.OCTOBER);
        assertThat(request).isEqualTo(new CxoneReportRequest("COST", Instant.parse("2026-10-01T04:00:00Z"),
                Instant.parse("2026-11-01T03:59:59Z"), List.of("USER", "PHONE_NUMBER", "COST_CENTER"), "USD",
                true, true));
        assertThat(parse("""
                {"reportType": "FEATURE", "startDate": "2026-10-01T04:00:00Z", "endDate": "2026-10-02T04:00:00Z"}""")
                .reportType()).isEqualTo("FEATURE");
    }

    @Test
    void omittingIncludeProratedChargesLosesTheProratedLines() {
        List<CxoneReportLine> lines = List.of(call("ln_1", "2026-10-02T14:00:00Z", "0.1000", "0.0080"),
                licence("ln_2", true), licence("ln_3", false));
        String window = "\"reportType\": \"COST\", \"startDate\": \"2026-10-01T04:00:00Z\", "
                + "\"endDate\": \"2026-11-01T03:59:59Z\"";
        // Omitted: false (the document's trap). Explicitly false: the same. True: all three.
        assertThat(parse("{" + window + "}").select(lines)).extracting(CxoneReportLine::lineId)
                .containsExactly("ln_1", "ln_3");
        assertThat(parse("{" + window + ", \"includeProratedCharges\": false}").select(lines))
                .extracting(CxoneReportLine::lineId).containsExactly("ln_1", "ln_3");
        assertThat(parse("{" + window + ", \"includeProratedCharges\": true}").select(lines))
                .extracting(CxoneReportLine::lineId).containsExactly("ln_1", "ln_2", "ln_3");
    }

    @Test
    void includeTaxesFalseZeroesTheTax() {
        List<CxoneReportLine> lines = List.of(call("ln_1", "2026-10-02T14:00:00Z", "0.4200", "0.0336"));
        String window = "\"reportType\": \"COST\", \"startDate\": \"2026-10-01T04:00:00Z\", "
                + "\"endDate\": \"2026-11-01T03:59:59Z\"";
        CxoneReportLine line = parse("{" + window + ", \"includeTaxes\": false}").select(lines).get(0);
        assertThat(line.taxAmount()).isEqualTo("0.0000");
        assertThat(line.costAmount()).isEqualTo("0.4200");
        assertThat(line.taxRate()).isEqualTo("0.08");
        assertThat(parse("{" + window + "}").select(lines).get(0).taxAmount()).isEqualTo("0.0336");
    }

    @Test
    void refusesMalformedRequests() {
        String dates = "\"startDate\": \"2026-10-01T04:00:00Z\", \"endDate\": \"2026-11-01T03:59:59Z\"";
        assertRefused("{" + dates + "}", "reportType");
        assertRefused("{\"reportType\": \"USAGE\", " + dates + "}", "reportType");
        assertRefused("{\"reportType\": \"COST\", \"startDate\": \"2026-10-01T04:00:00Z\"}", "endDate is required");
        assertRefused("{\"reportType\": \"COST\", \"startDate\": \"2026-10-01\", "
                + "\"endDate\": \"2026-11-01T03:59:59Z\"}", "startDate '2026-10-01' is not an ISO-8601 instant");
        assertRefused("{\"reportType\": \"COST\", \"startDate\": \"2026-11-01T03:59:59Z\", "
                + "\"endDate\": \"2026-10-01T04:00:00Z\"}", "startDate must be before endDate");
        assertRefused("{\"reportType\": \"COST\", \"startDate\": \"2026-10-01T04:00:00Z\", "
                + "\"endDate\": \"2026-10-01T04:00:00Z\"}", "startDate must be before endDate");
        assertRefused("{\"reportType\": \"COST\", " + dates + ", \"groupBy\": [\"CARRIER\"]}", "groupBy");
        assertRefused("{\"reportType\": \"COST\", " + dates + ", \"groupBy\": \"USER\"}", "groupBy");
        assertRefused("{\"reportType\": \"COST\", " + dates + ", \"currencyCode\": \"EUR\"}", "USD");
        assertRefused("{\"reportType\": \"COST\", " + dates + ", \"includeTaxes\": \"yes\"}", "includeTaxes");
        assertRefused("[]", "JSON object");
    }

    private static void assertRefused(String body, String reason) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(CxoneApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error()).isEqualTo("invalid_request");
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private static CxoneReportRequest parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return CxoneReportRequest.parse(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CxoneReportLine licence(String lineId, boolean prorated) {
        return new CxoneReportLine(lineId, Instant.parse("2026-10-01T04:00:00Z"), "usr_00009", "agent.hill",
                "+13125550101", CxoneFeatureType.LICENSE_AGENT, null, 0,
                new BigDecimal(prorated ? "45.2400" : "95.0000"), "USD", new BigDecimal("0.0000"),
                new BigDecimal("0.08"), "cc_sales", prorated, null, null, "AGENT", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31));
    }
}
