package io.billinghub.normalisation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the transformation reads from staging: the latest report's lines of the tenant, nothing else. */
class CxoneTransformRouteTest extends HubIntegrationTest {

    @Test
    void onlyTheLatestReportsLinesAreTransformedAndLineIdsBelongToTheirTenant() throws Exception {
        // staged before: a line an earlier report returned for 10 October that CXone no longer reports, and a line
        // of another tenant that happens to share its lineId with the fixture's ln_c1
        jdbc.update("""
                insert into cxone_usage_line (line_id, tenant_id, report_id, usage_date, feature_type, cost_amount,
                    currency, tax_amount, prorated, raw_payload, payload_checksum, first_seen_at, last_seen_at)
                values ('ln_gone', 'acme-contact', 'usr_rpt_earlier', '2026-10-10T15:00:00Z', 'VOICE_CALL', 99.00,
                        'USD', 0, false, '{}', 'x', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z'),
                       ('ln_c1', 'other-tenant', 'usr_rpt_other', '2026-10-05T15:00:00Z', 'VOICE_CALL', 7.00,
                        'USD', 0, false, '{}', 'y', '2026-11-02T00:00:00Z', '2026-11-02T00:00:00Z')""");

        runOctober("cxone-gl", "cxone-period", false);

        // the fixture's ten lines, 124.60 as in the end-to-end test; ln_gone's 99.00 is not among them
        Map<String, Object> normalised = jdbc.queryForMap("select count(*) as lines, sum(gl_amount) as total"
                + " from cxone_normalised_line where tenant_id = 'acme-contact'");
        assertThat(normalised).containsEntry("lines", 10L);
        assertThat((BigDecimal) normalised.get("total")).isEqualByComparingTo("124.60");
        assertThat(jdbc.queryForObject("select count(*) from cxone_normalised_line where line_id = 'ln_gone'",
                Long.class)).isZero();
        // the other tenant's ln_c1 is untouched by acme-contact's ln_c1
        assertThat(jdbc.queryForMap("select report_id, cost_amount from cxone_usage_line"
                + " where tenant_id = 'other-tenant' and line_id = 'ln_c1'"))
                .containsEntry("report_id", "usr_rpt_other");
        assertThat(jdbc.queryForObject("select cost_amount from cxone_usage_line where tenant_id = 'other-tenant'",
                BigDecimal.class)).isEqualByComparingTo("7.00");
    }
}
