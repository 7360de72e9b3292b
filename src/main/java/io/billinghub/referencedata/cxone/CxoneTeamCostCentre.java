package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.CsvFields;
import io.billinghub.referencedata.EffectivePeriod;

/**
 * The CXone cost centre and billing currency of an ACD team over a period: a published completed contact names
 * its agent's team (teamId), not a cost centre.
 */
public record CxoneTeamCostCentre(int lineNo, String teamId, String costCenterId, String currency,
                                  EffectivePeriod period) implements CsvFields.Dated {
}
