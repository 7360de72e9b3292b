package io.billinghub.sandbox.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class CxoneInvoiceCsvTest {

    @Test
    void writesOneLineRowPerInvoiceLineAndATotalRow() {
        CxoneSandboxInvoice invoice = new CxoneSandboxInvoice("INV-CX-2026-10", YearMonth.of(2026, 10), "FINAL",
                "America/New_York", "USD", Instant.parse("2026-11-06T14:00:00Z"),
                Instant.parse("2026-10-01T04:00:00Z"), Instant.parse("2026-11-01T03:59:59Z"),
                List.of(new CxoneSandboxInvoice.Line(1, CxoneFeatureType.VOICE_CALL, "cc_marketing",
                                new BigDecimal("1234.56"), new BigDecimal("98.76")),
                        new CxoneSandboxInvoice.Line(2, CxoneFeatureType.IVR_MINUTES, "cc_sales",
                                new BigDecimal("0.00"), new BigDecimal("0.00"))),
                new BigDecimal("1234.56"), new BigDecimal("98.76"));
        assertThat(CxoneInvoiceCsv.write(invoice)).isEqualTo("""
                record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,tax_amount,currency
                LINE,INV-CX-2026-10,2026-10,VOICE_CALL,cc_marketing,1234.56,98.76,USD
                LINE,INV-CX-2026-10,2026-10,IVR_MINUTES,cc_sales,0.00,0.00,USD
                TOTAL,INV-CX-2026-10,2026-10,,,1234.56,98.76,USD
                """);
        assertThat(CxoneInvoiceCsv.bytes(invoice)).isEqualTo(CxoneInvoiceCsv.write(invoice)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(CxoneInvoiceCsv.fileName(invoice)).isEqualTo("cxone-INV-CX-2026-10.csv");
    }

    @Test
    void theDefaultMonthsCsv() {
        CxoneMonth month = CxoneMonthGenerator.generateDefault();
        CxoneSandboxInvoice invoice = CxoneInvoiceBuilder.standard(month.zone()).build(month.period(), month.lines());
        List<String> rows = CxoneInvoiceCsv.write(invoice).lines().toList();
        // Header, 35 LINE rows, TOTAL.
        assertThat(rows).hasSize(37);
        assertThat(rows.get(0)).isEqualTo(CxoneInvoiceCsv.HEADER);
        assertThat(rows).contains("LINE,INV-CX-2026-10,2026-10,VOICE_CALL,cc_sales,2584.37,205.23,USD",
                "LINE,INV-CX-2026-10,2026-10,IVR_MINUTES,cc_sales,0.00,0.00,USD",
                "LINE,INV-CX-2026-10,2026-10,LICENSE_AGENT,cc_support_tier1,7518.63,601.49,USD",
                "LINE,INV-CX-2026-10,2026-10,VOICE_CALL,cc_legacy_ops,195.12,15.61,USD");
        assertThat(rows.get(36)).isEqualTo("TOTAL,INV-CX-2026-10,2026-10,,,44137.04,3715.56,USD");
        assertThat(rows.subList(1, 36)).allMatch(row -> row.startsWith("LINE,") && row.split(",", -1).length == 8);
    }
}
