package io.billinghub.referencedata;

import java.time.LocalDate;

/**
 * Which carrier's trunk a Genesys Cloud edge sends calls through (mappings/genesys-edge-carriers.csv): the published
 * conversation records name the edge, never the carrier.
 */
public record EdgeCarrierEntry(int lineNo, String edgeId, String carrierName, LocalDate effectiveFrom,
                               LocalDate effectiveTo) implements CsvFields.Dated {

    public EffectivePeriod period() {
        return new EffectivePeriod(effectiveFrom, effectiveTo);
    }
}
