package io.billinghub.wholesale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.invoices.InvalidInvoiceFileException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PartnerInvoiceParserTest {

    private final PartnerInvoiceParser parser = new PartnerInvoiceParser("USD");

    private PartnerInvoiceParser.Parsed parse(String csv) {
        return parser.parse(csv.getBytes(StandardCharsets.UTF_8), "invoice.csv");
    }

    @Test
    void linesAreReadByHeaderAndBadOnesRejectedWithTheirLine() {
        PartnerInvoiceParser.Parsed parsed = parse("""
                invoice_number,Billing_Period_Start,BILLING_PERIOD_END,CUSTOMER_ORG_ID,SKU,QUANTITY,AMOUNT,EXTRA
                INV-1,2026-10-01,2026-10-31,c1,PRO,62.5,24.19,x
                INV-1,2026-10-01,2026-10-31,c1,BASIC,15,3.875,x
                INV-1,2026-10-01,2026-10-31,,FEE,1,150.00,x
                """);

        assertThat(parsed.invoice().invoiceNumber()).isEqualTo("INV-1");
        assertThat(parsed.invoice().period()).isEqualTo(YearMonth.parse("2026-10"));
        assertThat(parsed.recordsIn()).isEqualTo(3);
        // 24.19 + 150.00
        assertThat(parsed.invoice().total()).isEqualByComparingTo("174.19");
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.position()).isEqualTo("line 3");
            assertThat(r.reason()).isEqualTo("AMOUNT 3.875 has more than 2 decimals");
            assertThat(r.raw()).isEqualTo("INV-1,2026-10-01,2026-10-31,c1,BASIC,15,3.875,x");
        });
    }

    @Test
    void aFileThatIsNotOneMonthlyInvoiceInTheHubCurrencyIsRefusedWhole() {
        assertThatThrownBy(() -> parse("INVOICE_NUMBER,BILLING_PERIOD_START,BILLING_PERIOD_END,SKU,QUANTITY\n"))
                .isInstanceOf(InvalidInvoiceFileException.class).hasMessageContaining("lacks the column(s) AMOUNT");
        assertThatThrownBy(() -> parse("""
                INVOICE_NUMBER,BILLING_PERIOD_START,BILLING_PERIOD_END,SKU,QUANTITY,AMOUNT
                INV-1,2026-10-01,2026-10-31,PRO,1,1.00
                INV-2,2026-10-01,2026-10-31,PRO,1,1.00
                """)).hasMessageContaining("holds more than one invoice");
        assertThatThrownBy(() -> parse("""
                INVOICE_NUMBER,BILLING_PERIOD_START,BILLING_PERIOD_END,SKU,QUANTITY,AMOUNT
                INV-1,2026-10-05,2026-11-04,PRO,1,1.00
                """)).hasMessageContaining("is not a calendar month");
        assertThatThrownBy(() -> parse("""
                INVOICE_NUMBER,BILLING_PERIOD_START,BILLING_PERIOD_END,SKU,QUANTITY,AMOUNT,CURRENCY
                INV-1,2026-10-01,2026-10-31,PRO,1,1.00,EUR
                """)).hasMessageContaining("is in EUR, not the hub's currency USD");
    }
}
