package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;
import java.math.BigDecimal;

/**
 * The hub's price per minute of a CXone usage feature (VOICE_CALL, IVR_MINUTES) in one direction and currency:
 * NICE's published API carries no money, so the hub rates the calls it extracts through it.
 */
public record CxoneUsageRate(int lineNo, String featureType, String direction, String currency,
                             BigDecimal ratePerMinute, EffectivePeriod period) implements CsvFields.Dated {
}
