package io.billinghub.referencedata.webex;

import io.billinghub.referencedata.EffectivePeriod;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A valid version of the Webex SKU price list. */
public record WebexPriceList(List<SkuPrice> prices) {

    public WebexPriceList {
        prices = List.copyOf(prices);
    }

    /** The SKU's price for the month: the version in force from its first to its last day. */
    public Optional<SkuPrice> priceOf(String sku, YearMonth period) {
        List<SkuPrice> same = new ArrayList<>();
        for (SkuPrice p : prices) {
            if (p.sku().equals(sku) && p.period().contains(period.atEndOfMonth())) {
                same.add(p);
            }
        }
        return EffectivePeriod.inForce(same, SkuPrice::period, period.atDay(1));
    }

    /** The prices in force in the month, by SKU. */
    public Map<String, SkuPrice> inForce(YearMonth period) {
        Map<String, SkuPrice> bySku = new TreeMap<>();
        for (SkuPrice p : prices) {
            priceOf(p.sku(), period).ifPresent(found -> bySku.put(found.sku(), found));
        }
        return bySku;
    }
}
