package io.billinghub.chargeback;

import io.billinghub.erp.ChargeAllocator;
import io.billinghub.erp.ChargeKey;
import io.billinghub.erp.ChargeLine;
import io.billinghub.erp.ErpBatches;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ERP side of the chargeback: a batch per cost centre and category of the adjusted figures. The first is the
 * ORIGINAL; an override after it becomes an ADJUSTMENT batch of the differences; the idempotency key is fixed per
 * batch, so a retried or replayed post never posts twice.
 */
@Component
public class ChargebackErpBatcher implements ErpBatches.PayloadFactory {

    private final ErpBatches batches;
    private final ChargebackReports reports;
    private final String currency;

    public ChargebackErpBatcher(ErpBatches batches, ChargebackReports reports,
                                @Value("${hub.currency}") String currency) {
        this.batches = batches;
        this.reports = reports;
        this.currency = currency;
    }

    public Optional<String> close(YearMonth period, List<ChargebackLineRow> adjusted, String runId) {
        SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        for (ChargebackLineRow l : adjusted) {
            charges.merge(new ChargeKey(l.category(), l.costCentreId(), l.businessUnit(), ""),
                    new ChargeAllocator.Unrounded(l.amount(), BigDecimal.ZERO, 1), ChargeAllocator::sum);
        }
        return batches.close(ChargebackProperties.PIPELINE, period, currency, charges, runId, this);
    }

    public List<String> pendingBatches(YearMonth period) {
        return batches.pendingBatches(ChargebackProperties.PIPELINE, period);
    }

    @Override
    public Object payload(ErpBatches.BatchHeader header, List<ChargeLine> lines) {
        Map<String, Map<String, String>> charges = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        for (ChargeLine l : lines) {
            charges.computeIfAbsent(l.key().costCentre(), k -> new TreeMap<>())
                    .put(l.key().glAccount(), l.amount().toPlainString());
            units.put(l.key().costCentre(), l.key().dimensionA());
        }
        String version = reports.header(header.period()).map(ChargebackReports.Header::multiplierVersion).orElse("");
        return new ChargebackPayload(header.period().toString(), charges, header.currency(), header.batchId(),
                header.idempotencyKey(), "billing-hub", header.kind(), header.sequence(), version,
                header.total().toPlainString(), units);
    }

    @Override
    public String describe(ChargeKey key, YearMonth period) {
        return "Chargeback " + key.glAccount() + " " + key.costCentre() + " (" + key.dimensionA() + ") " + period;
    }
}
