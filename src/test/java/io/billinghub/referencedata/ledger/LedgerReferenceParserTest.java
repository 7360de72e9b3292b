package io.billinghub.referencedata.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.referencedata.ValidationError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerReferenceParserTest {

    private static final String ACCOUNTS = """
            gl_account,description
            6010-4500,Marketing
            6020-1200,Support
            """;
    /** A mapping change mid-month: cc_support moves from 6020-1200 to 6010-4500 on 16 October. */
    private static final String COST_CENTRES = """
            cxone_cost_center_id,gl_account,department,effective_from,effective_to
            cc_support,6020-1200,Support,2026-01-01,2026-10-15
            cc_support,6010-4500,Marketing,2026-10-16,
            """;
    private static final String PREFIXES = """
            prefix,region,markup_multiplier,effective_from,effective_to
            +1,North America,1.00,2026-01-01,
            +1212,Northeast,1.05,2026-01-01,
            """;
    private static final String FX = """
            currency,rate_to_base,effective_from,effective_to
            USD,1,2000-01-01,
            CAD,0.7310,2026-01-01,
            """;
    private static final String PRICES = """
            feature_type,currency,monthly_cost,effective_from,effective_to
            LICENSE_AGENT,USD,95.00,2026-01-01,
            """;
    private static final String CALENDAR = """
            date,description
            2026-10-12,Columbus Day
            """;

    private final LedgerReferenceParser parser = new LedgerReferenceParser("USD");

    private static Map<String, byte[]> files(String accounts, String costCentres, String prefixes, String fx,
                                             String prices, String calendar) {
        Map<String, byte[]> files = new HashMap<>();
        String[] contents = {accounts, costCentres, prefixes, fx, prices, calendar};
        for (int i = 0; i < contents.length; i++) {
            if (contents[i] != null) {
                files.put(LedgerReferenceParser.FILES.get(i), contents[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private List<String> errors(Map<String, byte[]> files) {
        List<ValidationError> errors = new ArrayList<>();
        assertThat(parser.parse(files, errors)).as("a rejected set yields no data").isNull();
        return errors.stream().map(ValidationError::toString).toList();
    }

    @Test
    void aValidSetParses() {
        List<ValidationError> errors = new ArrayList<>();
        LedgerReferenceData data = parser.parse(files(ACCOUNTS, COST_CENTRES, PREFIXES, FX, PRICES, CALENDAR),
                errors);
        assertThat(errors).isEmpty();
        assertThat(data).isNotNull();
    }

    @Test
    void overlappingRangesAndUnknownReferencesRejectTheSetWhole() {
        String costCentres = COST_CENTRES + """
                cc_support,6020-1200,Support,2026-10-20,2026-10-31
                cc_sales,6999-0000,Sales,2026-01-01,
                cc_ops,6020-1200,,2026-01-01,
                """;
        String prefixes = PREFIXES + """
                1212,Northeast,1.10,2026-06-01,
                +1x,Nowhere,0,2026-01-01,
                +44,UK,1.1234567,2026-01-01,
                """;
        String fx = FX + """
                USD,1.01,2026-01-01,
                CAD,0.7400,2026-12-31,2026-12-01
                """;
        String prices = PRICES + """
                LICENSE_SUPERVISOR,EUR,140.00,2026-01-01,
                """;
        String calendar = CALENDAR + """
                2026-10-12,Columbus Day again
                """;
        assertThat(errors(files(ACCOUNTS, costCentres, prefixes, fx, prices, calendar))).containsExactly(
                "cxone-cost-centres.csv:4: effective range overlaps line 3 for cost centre 'cc_support'",
                "cxone-cost-centres.csv:5: gl_account '6999-0000' is not in gl-accounts.csv",
                "cxone-cost-centres.csv:6: department is empty",
                "cxone-phone-prefixes.csv:4: effective range overlaps line 3 for prefix +1212",
                "cxone-phone-prefixes.csv:5: prefix '+1x' must be E.164 digits, e.g. +1212",
                "cxone-phone-prefixes.csv:5: markup_multiplier must be above 0",
                "cxone-phone-prefixes.csv:6: markup_multiplier 1.1234567 has more than 6 decimals",
                "fx-rates.csv:4: the base currency USD can only have rate_to_base 1",
                "fx-rates.csv:5: effective_to 2026-12-01 is before effective_from 2026-12-31",
                "cxone-licence-prices.csv:3: currency EUR has no rate in fx-rates.csv",
                "business-calendar.csv:3: date 2026-10-12 appears twice");
    }

    @Test
    void aMissingFileRejectsTheSet() {
        assertThat(errors(files(ACCOUNTS, COST_CENTRES, PREFIXES, FX, null, CALENDAR)))
                .containsExactly("cxone-licence-prices.csv: file is missing from the mapping set");
    }
}
