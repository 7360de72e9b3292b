package io.billinghub.ledger;

import io.billinghub.platform.LargestRemainder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reconciles usage against the invoice by feature type, GL account and period (design document §4). The invoice
 * states cost centres, the ledger GL accounts: each invoice line is allocated to the GL accounts its cost centre's
 * usage was mapped to, in proportion to that usage (whole cents, largest remainder), so a cost centre whose GL
 * account changed mid-month still reconciles. Per group, variance = usage − invoice and relative variance =
 * |variance| / |invoice| in percent: MATCHED without variance, ROUNDING_DRIFT within the tolerance, EXCEPTION
 * above it. An invoice amount of zero is never divided by: with usage it is an EXCEPTION, without it MATCHED.
 */
public final class LedgerReconciler {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Usage of one feature type on one cost centre booked to one GL account, on the configured tax basis. */
    public record UsageGroup(String featureType, String costCenterId, String glAccount, BigDecimal amount,
                             int records) {
    }

    /** An invoice line on the configured tax basis. */
    public record InvoiceGroup(int lineNumber, String featureType, String costCenterId, BigDecimal amount,
                               String raw) {
    }

    /** One feature type × GL account of the period. */
    public record Result(String featureType, String glAccount, BigDecimal apiAmount, BigDecimal invoiceAmount,
                         BigDecimal variance, BigDecimal relativeVariance, String status, int records,
                         List<String> invoiceLines) {
    }

    private final BigDecimal tolerancePercent;

    public LedgerReconciler(BigDecimal tolerancePercent) {
        this.tolerancePercent = tolerancePercent;
    }

    /**
     * @param glOfCostCentre the GL account an invoice line goes to when its cost centre had no usage (the mapping
     *                       at the end of the period, or the Unallocated bucket)
     */
    public List<Result> reconcile(List<UsageGroup> usage, List<InvoiceGroup> invoice,
                                  Function<String, String> glOfCostCentre) {
        Map<String, Totals> groups = new TreeMap<>();
        Map<String, List<UsageGroup>> usageByCostCentre = new LinkedHashMap<>();
        for (UsageGroup u : usage) {
            groups.computeIfAbsent(key(u.featureType(), u.glAccount()), k -> new Totals()).usage(u);
            usageByCostCentre.computeIfAbsent(u.featureType() + "|" + u.costCenterId(), k -> new ArrayList<>()).add(u);
        }
        for (InvoiceGroup line : invoice) {
            List<UsageGroup> shares = usageByCostCentre.getOrDefault(line.featureType() + "|" + line.costCenterId(),
                    List.of());
            allocate(line, shares, glOfCostCentre).forEach((gl, amount) -> groups
                    .computeIfAbsent(key(line.featureType(), gl), k -> new Totals()).invoice(amount, line.raw()));
        }
        List<Result> results = new ArrayList<>();
        groups.forEach((key, totals) -> {
            String[] parts = key.split("\u0000", 2);
            results.add(totals.result(parts[0], parts[1], tolerancePercent));
        });
        return results;
    }

    /** The invoice line's amount split over the GL accounts of its cost centre's usage, in whole cents. */
    private static Map<String, BigDecimal> allocate(InvoiceGroup line, List<UsageGroup> shares,
                                                    Function<String, String> glOfCostCentre) {
        Map<String, BigDecimal> weights = new TreeMap<>();
        shares.forEach(s -> weights.merge(s.glAccount(), s.amount(), BigDecimal::add));
        BigDecimal weightTotal = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = line.amount().setScale(2, RoundingMode.HALF_UP);
        if (weights.size() <= 1 || weightTotal.signum() == 0) {
            String gl = weights.size() == 1 ? weights.keySet().iterator().next()
                    : glOfCostCentre.apply(line.costCenterId());
            return Map.of(gl, total);
        }
        SortedMap<String, BigDecimal> exact = new TreeMap<>();
        weights.forEach((gl, weight) -> exact.put(gl, total.multiply(weight).divide(weightTotal, 10,
                RoundingMode.HALF_UP)));
        return LargestRemainder.toCents(exact);
    }

    private static String key(String featureType, String glAccount) {
        return featureType + "\u0000" + glAccount;
    }

    /** Running figures of one feature type × GL account. */
    private static final class Totals {
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal invoice = BigDecimal.ZERO;
        int records;
        final List<String> invoiceLines = new ArrayList<>();

        void usage(UsageGroup group) {
            usage = usage.add(group.amount());
            records += group.records();
        }

        void invoice(BigDecimal amount, String raw) {
            invoice = invoice.add(amount);
            invoiceLines.add(raw);
        }

        Result result(String featureType, String glAccount, BigDecimal tolerancePercent) {
            BigDecimal api = usage.setScale(2, RoundingMode.HALF_UP);
            BigDecimal billed = invoice.setScale(2, RoundingMode.HALF_UP);
            BigDecimal variance = api.subtract(billed);
            Optional<BigDecimal> relative = billed.signum() == 0 ? Optional.empty()
                    : Optional.of(variance.abs().multiply(HUNDRED).divide(billed.abs(), 6, RoundingMode.HALF_UP));
            String status = variance.signum() == 0 ? "MATCHED"
                    : relative.isEmpty() ? "EXCEPTION"
                    : relative.get().compareTo(tolerancePercent) <= 0 ? "ROUNDING_DRIFT" : "EXCEPTION";
            return new Result(featureType, glAccount, api, billed, variance, relative.orElse(null), status, records,
                    List.copyOf(invoiceLines));
        }
    }
}
