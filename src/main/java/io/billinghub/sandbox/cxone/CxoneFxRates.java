package io.billinghub.sandbox.cxone;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Exchange rates to the base currency (USD), effective-dated with an INCLUSIVE end day: the sandbox's copy of
 * mappings/fx-rates.csv ({@code amount_usd = amount × rate_to_base}).
 */
public final class CxoneFxRates {

    /** One row of fx-rates.csv; {@code effectiveTo} null = open-ended. */
    public record Rate(String currency, BigDecimal rateToBase, LocalDate effectiveFrom, LocalDate effectiveTo) {
        boolean covers(String code, LocalDate day) {
            return currency.equals(code) && !day.isBefore(effectiveFrom)
                    && (effectiveTo == null || !day.isAfter(effectiveTo));
        }
    }

    /** The rows of mappings/fx-rates.csv. */
    public static final List<Rate> DEFAULT_RATES = List.of(
            new Rate("USD", new BigDecimal("1.0000"), LocalDate.of(2000, 1, 1), null),
            new Rate("CAD", new BigDecimal("0.7310"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 10, 15)),
            new Rate("CAD", new BigDecimal("0.7285"), LocalDate.of(2026, 10, 16), null));

    private final List<Rate> rates;

    public CxoneFxRates(List<Rate> rates) {
        this.rates = List.copyOf(rates);
    }

    public static CxoneFxRates standard() {
        return new CxoneFxRates(DEFAULT_RATES);
    }

    public List<Rate> rates() {
        return rates;
    }

    /**
     * The rate to USD in force for a currency on a day.
     *
     * @throws IllegalArgumentException when no row covers it
     */
    public BigDecimal rateOn(String currency, LocalDate day) {
        return rates.stream().filter(rate -> rate.covers(currency, day)).map(Rate::rateToBase).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no FX rate for " + currency + " on " + day));
    }
}
