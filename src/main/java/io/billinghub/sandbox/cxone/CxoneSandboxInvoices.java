package io.billinghub.sandbox.cxone;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The invoices the sandbox tenant has: one per generated billing month. */
public final class CxoneSandboxInvoices {

    private final List<CxoneSandboxInvoice> invoices;

    public CxoneSandboxInvoices(CxoneSandboxInvoice... invoices) {
        this.invoices = List.of(invoices);
    }

    /** The invoice of a billing period; empty for a period without data. */
    public Optional<CxoneSandboxInvoice> find(YearMonth period) {
        return invoices.stream().filter(invoice -> invoice.billingPeriod().equals(period)).findFirst();
    }

    public List<CxoneSandboxInvoice> all() {
        return invoices;
    }
}
