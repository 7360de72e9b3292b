package io.billinghub.referencedata.webex;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;
import java.math.BigDecimal;

/**
 * A Webex SKU's wholesale price for a span of whole months, and the revenue GL account its rebilling is posted to.
 * MONTH prices a licence-month: QUANTITY counts licence-days, so a customer's charge is QUANTITY x price / days of
 * the month. UNIT prices each unit of QUANTITY as it is.
 */
public record SkuPrice(int lineNo, String sku, String description, PriceUnit priceUnit, BigDecimal unitPrice,
                       String currency, String glAccount, EffectivePeriod period) implements CsvFields.Dated {

    /** How QUANTITY is priced. */
    public enum PriceUnit {
        MONTH,
        UNIT
    }
}
