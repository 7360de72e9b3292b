package io.billinghub.referencedata.webex;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.referencedata.ValidationError;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebexPriceParserTest {

    private static final String HEADER = "sku,description,price_unit,unit_price,currency,gl_account,effective_from,"
            + "effective_to\n";
    private final WebexPriceParser parser = new WebexPriceParser("USD");

    private WebexPriceList parse(String rows, List<ValidationError> errors) {
        return parser.parse(Map.of(WebexPriceParser.PRICES, (HEADER + rows).getBytes(StandardCharsets.UTF_8)),
                errors);
    }

    @Test
    void versionsOfWholeMonthsAreInForceFromTheirFirstDay() {
        List<ValidationError> errors = new ArrayList<>();
        WebexPriceList list = parse("""
                PRO,Calling Pro,MONTH,12.00,USD,4100,2026-01-01,2026-10-31
                PRO,Calling Pro,MONTH,12.60,USD,4100,2026-11-01,
                MIN,Minutes,unit,0.0125,USD,4100,2026-01-01,
                """, errors);

        assertThat(errors).isEmpty();
        assertThat(list.priceOf("PRO", YearMonth.parse("2026-10")).orElseThrow().unitPrice())
                .isEqualByComparingTo("12.00");
        assertThat(list.priceOf("PRO", YearMonth.parse("2026-11")).orElseThrow().unitPrice())
                .isEqualByComparingTo("12.60");
        assertThat(list.priceOf("MIN", YearMonth.parse("2026-11")).orElseThrow().priceUnit())
                .isEqualTo(SkuPrice.PriceUnit.UNIT);
        assertThat(list.priceOf("PRO", YearMonth.parse("2025-12"))).isEmpty();
    }

    @Test
    void theSetIsRejectedWholeWithEveryProblemNamed() {
        List<ValidationError> errors = new ArrayList<>();
        WebexPriceList list = parse("""
                PRO,Calling Pro,MONTH,12.00,USD,4100,2026-01-15,
                BASIC,Calling Basic,MONTH,8.00,EUR,4100,2026-01-01,
                SUITE,Suite,YEAR,22.50,USD,4110,2026-01-01,2026-06-15
                MEET,Meetings,MONTH,9.50,USD,4120,2026-01-01,
                MEET,Meetings,MONTH,9.90,USD,4120,2026-06-01,
                """, errors);

        assertThat(list).isNull();
        assertThat(errors).extracting(e -> e.line() + ": " + e.reason()).containsExactly(
                "2: effective_from 2026-01-15 is not the first day of a month",
                "3: currency 'EUR' is not the hub's currency USD",
                "4: price_unit 'YEAR' is neither MONTH nor UNIT",
                "4: effective_to 2026-06-15 is neither the last day of a month nor the first day of the next",
                "6: effective range overlaps line 5 for MEET");
    }
}
