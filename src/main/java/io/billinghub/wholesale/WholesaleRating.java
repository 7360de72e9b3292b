package io.billinghub.wholesale;

import io.billinghub.platform.LargestRemainder;
import io.billinghub.referencedata.webex.SkuPrice;
import io.billinghub.referencedata.webex.WebexPriceList;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Prices a period's usage with the SKU price list. A customer's charge for a SKU is rounded once, half up to the
 * cent, from its exact quantity: QUANTITY x price / days of the month for MONTH prices (QUANTITY counts licence-days:
 * a licence held all month costs the monthly price, one held half a day 0.5 / days of it), QUANTITY x price for UNIT
 * prices. Per-user detail splits that charge by quantity in whole cents (largest remainder), adding up exactly.
 */
public final class WholesaleRating {

    private WholesaleRating() {
    }

    public static List<StatementLine> rate(YearMonth period, List<CustomerUsage> usage, WebexPriceList prices) {
        List<StatementLine> lines = new ArrayList<>();
        for (CustomerUsage u : usage) {
            Optional<SkuPrice> price = prices.priceOf(u.sku(), period);
            if (price.isEmpty()) {
                lines.add(new StatementLine(u, null, null, StatementLine.Status.UNPRICED));
                continue;
            }
            BigDecimal amount = amount(u.quantity(), price.get(), period);
            lines.add(new StatementLine(u, price.get(), amount, u.customerExternalId().isEmpty()
                    ? StatementLine.Status.UNMAPPED : StatementLine.Status.PRICED));
        }
        return lines;
    }

    public static BigDecimal amount(BigDecimal quantity, SkuPrice price, YearMonth period) {
        BigDecimal gross = quantity.multiply(price.unitPrice());
        return price.priceUnit() == SkuPrice.PriceUnit.MONTH
                ? gross.divide(BigDecimal.valueOf(period.lengthOfMonth()), 2, RoundingMode.HALF_UP)
                : gross.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The line's amount split over its consumers in proportion to their quantities; the parts add up exactly to the
     * line's amount. Consumers are keyed by their position in {@code consumers}.
     */
    public static List<BigDecimal> split(BigDecimal amount, List<ConsumerUsage> consumers) {
        BigDecimal total = consumers.stream().map(ConsumerUsage::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        SortedMap<Integer, BigDecimal> exact = new TreeMap<>();
        for (int i = 0; i < consumers.size(); i++) {
            exact.put(i, total.signum() == 0 ? BigDecimal.ZERO
                    : amount.multiply(consumers.get(i).quantity()).divide(total, 12, RoundingMode.HALF_EVEN));
        }
        // the shares' exact sum is the amount (to 12 decimals), so the whole cents add up to it exactly
        return new ArrayList<>(LargestRemainder.toCents(exact).values());
    }
}
