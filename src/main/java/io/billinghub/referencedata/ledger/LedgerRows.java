package io.billinghub.referencedata.ledger;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The rows of the ledger reference set; every effective-dated row follows {@link EffectivePeriod}. */
public final class LedgerRows {

    private LedgerRows() {
    }

    /** A CXone cost centre's GL account and department over a period. */
    public record CostCentreMapping(int lineNo, String costCentreId, String glAccount, String department,
                                    EffectivePeriod period) implements CsvFields.Dated {
    }

    /** An account of the chart of accounts. */
    public record GlAccount(String glAccount, String description) {
    }

    /** Region and internal chargeback markup of numbers starting with a prefix (E.164 digits). */
    public record PhonePrefixRule(int lineNo, String prefix, String region, BigDecimal markupMultiplier,
                                  EffectivePeriod period) implements CsvFields.Dated {
    }

    /** Units of the base currency one unit of {@code currency} is worth. */
    public record FxRate(int lineNo, String currency, BigDecimal rateToBase, EffectivePeriod period) implements CsvFields.Dated {
    }

    /** The monthly price of a licence feature in a currency. */
    public record LicencePrice(int lineNo, String featureType, String currency, BigDecimal monthlyCost,
                               EffectivePeriod period) implements CsvFields.Dated {
    }

    public record Holiday(LocalDate day, String description) {
    }
}
