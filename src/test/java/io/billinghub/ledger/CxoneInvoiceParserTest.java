package io.billinghub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.invoices.InvalidInvoiceFileException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CxoneInvoiceParserTest {

    private static final String HEADER = "record_type,invoice_id,billing_period,feature_type,cost_center_id,amount,"
            + "tax_amount,currency\n";

    private final CxoneInvoiceParser parser = new CxoneInvoiceParser(new ObjectMapper(), "USD");

    private CxoneInvoiceParser.Parsed csv(String rows) {
        return parser.fromCsv((HEADER + rows).getBytes(StandardCharsets.UTF_8), "INV.csv");
    }

    @Test
    void badRecordsAreRejectedWithTheirLineAndOriginalText() {
        CxoneInvoiceParser.Parsed parsed = csv("""
                LINE,INV-1,2026-10,VOICE_CALL,cc_a,10.00,0.80,USD
                LINE,INV-1,2026-10,VOICE_CALL,cc_b
                LINE,INV-1,2026-10,VOICE_CALL,cc_c,"1,5",0.00,USD
                LINE,INV-1,2026-10,,cc_d,2.00,0.00,USD
                TOTAL,INV-1,2026-10,,,13.50,0.80,USD
                """);
        assertThat(parsed.invoice().lines()).extracting(CxoneInvoice.Line::costCenterId).containsExactly("cc_a");
        assertThat(parsed.invoice().totalAmount()).isEqualByComparingTo("13.50");
        // the short row (line 3) is reported by the CSV reader first, then the rows that could be split
        assertThat(parsed.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason,
                RejectedRecord::raw).containsExactly(
                tuple("line 3", "has 5 fields, the header has 8",
                        "LINE,INV-1,2026-10,VOICE_CALL,cc_b"),
                tuple("line 4", "amount '1,5' is not a decimal number",
                        "LINE,INV-1,2026-10,VOICE_CALL,cc_c,\"1,5\",0.00,USD"),
                tuple("line 5", "feature_type is empty",
                        "LINE,INV-1,2026-10,,cc_d,2.00,0.00,USD"));
        // 5 records in: the line and the total accepted, 3 rejected
        assertThat(parsed.recordsIn()).isEqualTo(5);
    }

    @Test
    void anInvoiceThatCannotBeTrustedWholeIsRefused() {
        assertThatThrownBy(() -> csv("LINE,INV-1,2026-10,VOICE_CALL,cc_a,10.00,0.80,USD\n"))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessage("invoice INV-1 has no readable TOTAL record");
        assertThatThrownBy(() -> csv("TOTAL,INV-1,2026-10,,,0.00,0.00,USD\n"))
                .isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessage("invoice INV-1 has no readable line");
        assertThatThrownBy(() -> csv("""
                LINE,INV-1,2026-10,VOICE_CALL,cc_a,10.00,0.80,CAD
                TOTAL,INV-1,2026-10,,,10.00,0.80,CAD
                """)).isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessage("the invoice is in CAD, not in the hub's currency USD (at line 2)");
        assertThatThrownBy(() -> csv("""
                LINE,INV-1,2026-10,VOICE_CALL,cc_a,10.00,0.80,USD
                LINE,INV-2,2026-10,VOICE_CALL,cc_a,10.00,0.80,USD
                """)).isInstanceOf(InvalidInvoiceFileException.class)
                .hasMessage("the file mixes invoices (INV-1 2026-10 and INV-2 2026-10) (at line 3)");
    }

    @Test
    void anApiLineWithoutItsAmountIsRejectedNotReadAsZero() {
        CxoneInvoiceParser.Parsed parsed = parser.fromJson("""
                {"invoiceId": "INV-1", "billingPeriod": "2026-10", "status": "FINAL", "currencyCode": "USD",
                 "totalAmount": 12.00, "totalTax": 0.96,
                 "lines": [{"lineNumber": 1, "featureType": "VOICE_CALL", "costCenterId": "cc_a", "amount": 10.00,
                            "taxAmount": 0.80},
                           {"lineNumber": 2, "featureType": "VOICE_CALL", "costCenterId": "cc_b",
                            "taxAmount": 0.16}]}""");
        assertThat(parsed.invoice().lines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("10.00");
            assertThat(line.taxAmount()).isEqualByComparingTo("0.80");
        });
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 2");
            assertThat(r.reason()).isEqualTo("amount is empty");
        });
        assertThat(parsed.recordsIn()).isEqualTo(2);
        assertThatThrownBy(() -> parser.fromJson("""
                {"invoiceId": "INV-1", "billingPeriod": "2026-10", "currencyCode": "USD", "totalTax": 0,
                 "lines": []}""")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the CXone invoice cannot be used: totalAmount is empty");
    }
}
