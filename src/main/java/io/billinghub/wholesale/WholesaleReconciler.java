package io.billinghub.wholesale;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reconciles a partner's priced usage with its Webex invoice per SKU and per customer. Per group: MATCHED when
 * quantity and amount agree, WITHIN_TOLERANCE when the quantity is within its tolerance and the amount within the
 * amount tolerance per invoice line (each line may round on its own), VARIANCE beyond that, NOT_INVOICED for usage
 * the invoice lacks, NOT_IN_USAGE for invoice lines without usage, UNPRICED when the group holds usage of a SKU
 * without price (its amount is unknown). Customers are matched by org id, else by external id; invoice lines
 * without customer are partner-level and count in the SKU view only.
 */
public final class WholesaleReconciler {

    public enum Dimension {
        SKU,
        CUSTOMER
    }

    public enum Status {
        MATCHED,
        WITHIN_TOLERANCE,
        VARIANCE,
        NOT_INVOICED,
        NOT_IN_USAGE,
        UNPRICED;

        public boolean isException() {
            return this != MATCHED && this != WITHIN_TOLERANCE;
        }
    }

    /** One SKU or customer of the period. usageAmount and variance are null when UNPRICED. */
    public record Result(Dimension dimension, String key, String label, BigDecimal usageQuantity,
                         BigDecimal invoiceQuantity, BigDecimal usageAmount, BigDecimal invoiceAmount,
                         BigDecimal variance, Status status, int invoiceLines) {
    }

    private final BigDecimal quantityTolerance;
    private final BigDecimal amountTolerance;

    public WholesaleReconciler(BigDecimal quantityTolerance, BigDecimal amountTolerance) {
        this.quantityTolerance = quantityTolerance;
        this.amountTolerance = amountTolerance;
    }

    public List<Result> reconcile(List<StatementLine> usage, List<PartnerInvoice.Line> invoice) {
        Map<String, Group> bySku = new TreeMap<>();
        Map<String, Group> byCustomer = new TreeMap<>();
        Map<String, String> orgOfExternal = new HashMap<>();
        for (StatementLine l : usage) {
            CustomerUsage u = l.usage();
            bySku.computeIfAbsent(u.sku(), k -> new Group(u.description())).usage(l);
            byCustomer.computeIfAbsent(u.customerOrgId(), k -> new Group(label(u))).usage(l);
            if (!u.customerExternalId().isEmpty()) {
                orgOfExternal.putIfAbsent(u.customerExternalId(), u.customerOrgId());
            }
        }
        for (PartnerInvoice.Line line : invoice) {
            bySku.computeIfAbsent(line.sku(), k -> new Group(line.description())).invoice(line);
            String customer = !line.customerOrgId().isEmpty() ? line.customerOrgId()
                    : orgOfExternal.getOrDefault(line.customerExternalId(), line.customerExternalId().isEmpty() ? null
                    : "external:" + line.customerExternalId());
            if (customer != null) {
                byCustomer.computeIfAbsent(customer, k -> new Group(line.customerExternalId())).invoice(line);
            }
        }
        List<Result> results = new ArrayList<>();
        bySku.forEach((sku, g) -> results.add(g.result(Dimension.SKU, sku)));
        byCustomer.forEach((customer, g) -> results.add(g.result(Dimension.CUSTOMER, customer)));
        return results;
    }

    private static String label(CustomerUsage u) {
        return u.customerExternalId().isEmpty() ? "(no external id)" : u.customerExternalId();
    }

    private final class Group {
        private final String label;
        private BigDecimal usageQuantity = BigDecimal.ZERO;
        private BigDecimal usageAmount = BigDecimal.ZERO;
        private boolean unpriced;
        private int usageLines;
        private BigDecimal invoiceQuantity = BigDecimal.ZERO;
        private BigDecimal invoiceAmount = BigDecimal.ZERO;
        private int invoiceLines;

        Group(String label) {
            this.label = label;
        }

        void usage(StatementLine l) {
            usageLines++;
            usageQuantity = usageQuantity.add(l.usage().quantity());
            if (l.amount() == null) {
                unpriced = true;
            } else {
                usageAmount = usageAmount.add(l.amount());
            }
        }

        void invoice(PartnerInvoice.Line line) {
            invoiceLines++;
            invoiceQuantity = invoiceQuantity.add(line.quantity());
            invoiceAmount = invoiceAmount.add(line.amount());
        }

        Result result(Dimension dimension, String key) {
            BigDecimal amount = unpriced ? null : usageAmount;
            BigDecimal variance = unpriced ? null : usageAmount.subtract(invoiceAmount);
            return new Result(dimension, key, label, usageQuantity, invoiceQuantity, amount, invoiceAmount, variance,
                    status(variance), invoiceLines);
        }

        private Status status(BigDecimal variance) {
            if (unpriced) {
                return Status.UNPRICED;
            }
            if (invoiceLines == 0) {
                return Status.NOT_INVOICED;
            }
            if (usageLines == 0) {
                return Status.NOT_IN_USAGE;
            }
            boolean quantityAgrees = usageQuantity.subtract(invoiceQuantity).abs().compareTo(quantityTolerance) <= 0;
            if (quantityAgrees && variance.signum() == 0) {
                return Status.MATCHED;
            }
            BigDecimal allowed = amountTolerance.multiply(BigDecimal.valueOf(invoiceLines));
            return quantityAgrees && variance.abs().compareTo(allowed) <= 0 ? Status.WITHIN_TOLERANCE
                    : Status.VARIANCE;
        }
    }
}
