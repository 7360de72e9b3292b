package io.billinghub.wholesale;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.referencedata.webex.SkuPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures of {@link WebexFixture}, worked out by hand in its comment. */
class WholesaleRatingTest {

    private static final YearMonth OCTOBER = YearMonth.parse("2026-10");

    @Test
    void eachCustomerAndSkuIsPricedOnceFromItsExactQuantity() {
        List<StatementLine> lines = WholesaleRating.rate(OCTOBER, WebexFixture.usage(), WebexFixture.prices());

        assertThat(lines).extracting(l -> l.usage().customerOrgId() + " " + l.usage().sku() + " " + l.amount()
                        + " " + l.status())
                .containsExactly("c1 BASIC 3.87 PRICED", "c1 PRO 24.19 PRICED", "c2 CAW 5.25 PRICED",
                        "c2 PRO 3.68 PRICED");
        assertThat(lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("36.99");
    }

    @Test
    void aSkuWithoutPriceAndACustomerWithoutExternalIdAreHeldOffTheStatements() {
        List<CustomerUsage> usage = new ArrayList<>(WebexFixture.usage());
        usage.add(new CustomerUsage("acme", WebexFixture.P, "c3", "", "PRO", "Pro", "WEBEX_CALLING",
                new BigDecimal("31"), 1));
        usage.add(new CustomerUsage("acme", WebexFixture.P, "c1", "C1-EXT", "NEW-SKU", "New", "WEBEX_SUITE",
                new BigDecimal("3"), 1));

        List<StatementLine> lines = WholesaleRating.rate(OCTOBER, usage, WebexFixture.prices());

        // c3's month of PRO is 31 x 12.00 / 31 = 12.00: known, reconciled, but not billable
        assertThat(lines.get(4).status()).isEqualTo(StatementLine.Status.UNMAPPED);
        assertThat(lines.get(4).amount()).isEqualByComparingTo("12.00");
        assertThat(lines.get(4).billable()).isFalse();
        assertThat(lines.get(5).status()).isEqualTo(StatementLine.Status.UNPRICED);
        assertThat(lines.get(5).amount()).isNull();
    }

    @Test
    void unitPricesMultiplyTheQuantityAsItIs() {
        SkuPrice perUnit = new SkuPrice(1, "MIN", "Minutes", SkuPrice.PriceUnit.UNIT, new BigDecimal("0.0125"), "USD",
                "4100", WebexFixture.price(1, "X", "1").period());

        // 1234.5 x 0.0125 = 15.43125, half up to 15.43
        assertThat(WholesaleRating.amount(new BigDecimal("1234.5"), perUnit, OCTOBER)).isEqualByComparingTo("15.43");
    }

    @Test
    void perUserDetailAddsUpExactlyToTheCustomerCharge() {
        List<ConsumerUsage> users = List.of(user("u1", "31"), user("u2", "15.5"), user("u3", "16"));

        assertThat(WholesaleRating.split(new BigDecimal("24.19"), users)).containsExactly(new BigDecimal("12.00"),
                new BigDecimal("6.00"), new BigDecimal("6.19"));
    }

    private static ConsumerUsage user(String id, String quantity) {
        return new ConsumerUsage("c1", "PRO", id, "s-" + id, id, "", "loc", "lic-" + id,
                LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"), new BigDecimal(quantity));
    }
}
