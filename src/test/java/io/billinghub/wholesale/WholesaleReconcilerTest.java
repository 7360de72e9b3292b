package io.billinghub.wholesale;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.referencedata.webex.WebexPriceList;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fixture's usage (WebexFixture) against an invoice with two differences:
 * <pre>
 * line 2 C1 BASIC 15 licence-days for 3.88 (usage 3.87): one cent of rounding, within 0.01 per line
 * line 4 C2 PRO   10.5 licence-days for 4.06 (10.5 x 12 / 31 = 4.0645; usage 9.5 for 3.68): one day too many
 * line 5 a partner fee of 150.00 without customer and without usage
 * per SKU:      BASIC 3.87 / 3.88 WITHIN_TOLERANCE; CAW 5.25 / 5.25 MATCHED; PRO 27.87 / 28.25 (24.19 + 4.06)
 *               VARIANCE -0.38; FEE 0.00 / 150.00 NOT_IN_USAGE
 * per customer: c1 28.06 / 28.07 WITHIN_TOLERANCE (2 lines allow 0.02); c2 8.93 / 9.31 VARIANCE -0.38
 * </pre>
 */
class WholesaleReconcilerTest {

    private static final YearMonth OCTOBER = YearMonth.parse("2026-10");
    private static final WholesaleReconciler RECONCILER = new WholesaleReconciler(new BigDecimal("0.01"),
            new BigDecimal("0.01"));

    @Test
    void skusAndCustomersAreReconciledWithTheToleranceRules() {
        List<StatementLine> usage = WholesaleRating.rate(OCTOBER, WebexFixture.usage(), WebexFixture.prices());
        List<PartnerInvoice.Line> invoice = List.of(
                line(1, "c1", "C1-EXT", "PRO", "62.5", "24.19"),
                line(2, "c1", "C1-EXT", "BASIC", "15", "3.88"),
                line(3, "c2", "C2-EXT", "CAW", "31", "5.25"),
                line(4, "c2", "C2-EXT", "PRO", "10.5", "4.06"),
                line(5, "", "", "FEE", "1", "150.00"));

        List<WholesaleReconciler.Result> results = RECONCILER.reconcile(usage, invoice);

        assertThat(results).extracting(r -> r.dimension() + " " + r.key() + " " + r.usageQuantity().toPlainString()
                        + "/" + r.invoiceQuantity().toPlainString() + " " + r.usageAmount() + "/" + r.invoiceAmount()
                        + " " + r.variance() + " " + r.status())
                .containsExactly(
                        "SKU BASIC 15/15 3.87/3.88 -0.01 WITHIN_TOLERANCE",
                        "SKU CAW 31/31 5.25/5.25 0.00 MATCHED",
                        "SKU FEE 0/1 0/150.00 -150.00 NOT_IN_USAGE",
                        "SKU PRO 72.0/73.0 27.87/28.25 -0.38 VARIANCE",
                        "CUSTOMER c1 77.5/77.5 28.06/28.07 -0.01 WITHIN_TOLERANCE",
                        "CUSTOMER c2 40.5/41.5 8.93/9.31 -0.38 VARIANCE");
        assertThat(results.get(4).label()).isEqualTo("C1-EXT");
    }

    @Test
    void usageTheInvoiceLacksIsNotInvoicedAndCustomersMatchByExternalIdToo() {
        List<StatementLine> usage = WholesaleRating.rate(OCTOBER, WebexFixture.usage(), WebexFixture.prices());
        // C1's lines only, without org ids: matched to c1 through its external id
        List<PartnerInvoice.Line> invoice = List.of(line(1, "", "C1-EXT", "PRO", "62.5", "24.19"),
                line(2, "", "C1-EXT", "BASIC", "15", "3.87"));

        List<WholesaleReconciler.Result> results = RECONCILER.reconcile(usage, invoice);

        // PRO: 27.87 used, 24.19 invoiced; CAW and c2: nothing invoiced
        assertThat(results).extracting(r -> r.dimension() + " " + r.key() + " " + r.variance() + " " + r.status())
                .containsExactly("SKU BASIC 0.00 MATCHED", "SKU CAW 5.25 NOT_INVOICED", "SKU PRO 3.68 VARIANCE",
                        "CUSTOMER c1 0.00 MATCHED", "CUSTOMER c2 8.93 NOT_INVOICED");
    }

    @Test
    void usageOfASkuWithoutPriceHasNoAmountToCompare() {
        WebexPriceList withoutCaw = new WebexPriceList(WebexFixture.prices().prices().stream()
                .filter(p -> !p.sku().equals("CAW")).toList());
        List<StatementLine> usage = WholesaleRating.rate(OCTOBER, WebexFixture.usage(), withoutCaw);

        List<WholesaleReconciler.Result> results = RECONCILER.reconcile(usage,
                List.of(line(1, "c2", "C2-EXT", "CAW", "31", "5.25")));

        assertThat(results).filteredOn(r -> r.key().equals("CAW") || r.key().equals("c2"))
                .extracting(r -> r.key() + " " + r.usageAmount() + " " + r.variance() + " " + r.status())
                .containsExactly("CAW null null UNPRICED", "c2 null null UNPRICED");
    }

    private static PartnerInvoice.Line line(int no, String org, String external, String sku, String quantity,
                                            String amount) {
        return new PartnerInvoice.Line(no, "org-partner", org, external, sku, sku, new BigDecimal(quantity), null,
                new BigDecimal(amount));
    }
}
