package io.billinghub.wholesale;

import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.webex.SkuPrice;
import io.billinghub.referencedata.webex.WebexPriceList;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A small partner for October 2026 (31 days), worked out by hand:
 * <pre>
 * prices (per licence-month): PRO 12.00, BASIC 8.00, CAW 5.25
 * partner P, customer C1 (external C1-EXT):
 *   u1 PRO  1-31 October                        31
 *   u2 PRO  provisioned 16 October at midday    15.5   (16 days, the first one half)
 *   u3 BASIC 1-15 October, then PRO 16-31       15 and 16   (a mid-month licence change)
 *   PRO   62.5 licence-days x 12.00 / 31 = 24.193548... = 24.19
 *   BASIC 15   x 8.00 / 31 = 3.870967...                =  3.87           C1 total 28.06
 * sub-partner S, customer C2 (external C2-EXT):
 *   w1 CAW  1-31 October (a workspace)          31     x 5.25 / 31 = 5.25
 *   u4 PRO  removed 10 October in the afternoon  9.5   x 12.00 / 31 = 3.677419... = 3.68   C2 total 8.93
 * per SKU: PRO 72 licence-days 27.87, BASIC 15 3.87, CAW 31 5.25; all 36.99
 * per-user detail of C1 PRO 24.19 by 31 / 15.5 / 16 of 62.5: 11.99824, 5.99912, 6.19264; floors 11.99 + 5.99 + 6.19
 *   = 24.17, the 2 cents left go to the largest remainders u2 (.00912) and u1 (.00824): 12.00, 6.00, 6.19
 * </pre>
 */
final class WebexFixture {

    static final String P = "org-partner";
    static final String S = "org-sub";

    private WebexFixture() {
    }

    static WebexPriceList prices() {
        return new WebexPriceList(List.of(price(1, "PRO", "12.00"), price(2, "BASIC", "8.00"),
                price(3, "CAW", "5.25")));
    }

    static SkuPrice price(int line, String sku, String monthly) {
        return new SkuPrice(line, sku, sku, SkuPrice.PriceUnit.MONTH, new BigDecimal(monthly), "USD", "4100-" + sku,
                new EffectivePeriod(LocalDate.parse("2026-01-01"), null));
    }

    static List<CustomerUsage> usage() {
        return List.of(
                new CustomerUsage("acme", P, "c1", "C1-EXT", "BASIC", "Basic", "WEBEX_CALLING", new BigDecimal("15"),
                        1),
                new CustomerUsage("acme", P, "c1", "C1-EXT", "PRO", "Pro", "WEBEX_CALLING", new BigDecimal("62.5"),
                        3),
                new CustomerUsage("acme", S, "c2", "C2-EXT", "CAW", "Common area", "COMMON_AREA_CALLING",
                        new BigDecimal("31"), 1),
                new CustomerUsage("acme", S, "c2", "C2-EXT", "PRO", "Pro", "WEBEX_CALLING", new BigDecimal("9.5"),
                        1));
    }
}
