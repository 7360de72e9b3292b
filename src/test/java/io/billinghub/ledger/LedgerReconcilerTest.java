package io.billinghub.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerReconcilerTest {

    private final LedgerReconciler reconciler = new LedgerReconciler(new BigDecimal("0.5"));

    private static LedgerReconciler.UsageGroup usage(String feature, String cc, String gl, String amount, int n) {
        return new LedgerReconciler.UsageGroup(feature, cc, gl, new BigDecimal(amount), n);
    }

    private static LedgerReconciler.InvoiceGroup invoice(int line, String feature, String cc, String amount) {
        return new LedgerReconciler.InvoiceGroup(line, feature, cc, new BigDecimal(amount), "line " + line);
    }

    private static String row(LedgerReconciler.Result r) {
        return r.featureType() + " " + r.glAccount() + " api=" + r.apiAmount() + " invoice=" + r.invoiceAmount()
                + " variance=" + r.variance() + " " + r.status();
    }

    @Test
    void statusesAndTheToleranceInPercent() {
        List<LedgerReconciler.Result> results = reconciler.reconcile(
                List.of(usage("VOICE_CALL", "cc_a", "6010", "100.004", 10),
                        usage("IVR", "cc_a", "6010", "200.00", 5),
                        usage("STORAGE", "cc_a", "6010", "100.00", 1),
                        usage("LICENSE", "cc_a", "6010", "50.00", 1)),
                List.of(invoice(1, "VOICE_CALL", "cc_a", "100.00"),   // 100.004 -> 100.00: no variance
                        invoice(2, "IVR", "cc_a", "199.01"),          // 0.99 / 199.01 = 0.4975 % <= 0.5 %
                        invoice(3, "STORAGE", "cc_a", "99.25"),       // 0.75 / 99.25 = 0.7557 % > 0.5 %
                        invoice(4, "LICENSE", "cc_b", "0.00")),       // zero invoice line, no usage of cc_b
                cc -> "6010");
        assertThat(results).extracting(LedgerReconcilerTest::row).containsExactly(
                "IVR 6010 api=200.00 invoice=199.01 variance=0.99 ROUNDING_DRIFT",
                // LICENSE: 50.00 of usage, and cc_b's 0.00 invoice line also lands on 6010: not divided by zero
                "LICENSE 6010 api=50.00 invoice=0.00 variance=50.00 EXCEPTION",
                "STORAGE 6010 api=100.00 invoice=99.25 variance=0.75 EXCEPTION",
                "VOICE_CALL 6010 api=100.00 invoice=100.00 variance=0.00 MATCHED");
        assertThat(results.get(0).relativeVariance()).isEqualByComparingTo("0.497462");
        assertThat(results.get(1).relativeVariance()).isNull();
    }

    @Test
    void anInvoiceLineIsSplitOverTheGlAccountsItsCostCentreWasMappedTo() {
        // cc_t2 changed GL account mid-month: 60.00 of usage on 6020-1200, 40.00 on 6020-1300. The invoice says
        // 100.10 for cc_t2: 100.10 × 0.6 = 60.06 and × 0.4 = 40.04 -> both off by 0.1 % (ROUNDING_DRIFT)
        List<LedgerReconciler.Result> results = reconciler.reconcile(
                List.of(usage("VOICE_CALL", "cc_t2", "6020-1200", "60.00", 6),
                        usage("VOICE_CALL", "cc_t2", "6020-1300", "40.00", 4)),
                List.of(invoice(1, "VOICE_CALL", "cc_t2", "100.10")), cc -> "unused");
        assertThat(results).extracting(LedgerReconcilerTest::row).containsExactly(
                "VOICE_CALL 6020-1200 api=60.00 invoice=60.06 variance=-0.06 ROUNDING_DRIFT",
                "VOICE_CALL 6020-1300 api=40.00 invoice=40.04 variance=-0.04 ROUNDING_DRIFT");
    }

    @Test
    void splitsAddUpToTheInvoiceLineByLargestRemainder() {
        // 0.10 over three equal shares: 0.0333… each, floors 0.03 × 3 = 0.09, one cent to the first in order
        List<LedgerReconciler.Result> results = reconciler.reconcile(
                List.of(usage("F", "cc", "A", "1", 1), usage("F", "cc", "B", "1", 1), usage("F", "cc", "C", "1", 1)),
                List.of(invoice(1, "F", "cc", "0.10")), cc -> "unused");
        assertThat(results).extracting(r -> r.invoiceAmount().toPlainString()).containsExactly("0.04", "0.03", "0.03");
    }

    @Test
    void usageNeverInvoicedIsAnException() {
        assertThat(reconciler.reconcile(List.of(usage("SMS", "cc_a", "6010", "3.00", 3)), List.of(), cc -> "6010"))
                .extracting(LedgerReconcilerTest::row)
                .containsExactly("SMS 6010 api=3.00 invoice=0.00 variance=3.00 EXCEPTION");
    }
}
