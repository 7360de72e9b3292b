package io.billinghub.wholesale;

import io.billinghub.erp.ChargeAllocator;
import io.billinghub.erp.ChargeKey;
import io.billinghub.erp.ChargeLine;
import io.billinghub.erp.ErpBatches;
import io.billinghub.extraction.webex.WebexProperties;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ERP side of rebilling: a batch of the period's billable statement lines per customer, SKU and revenue
 * account. The first is the ORIGINAL; a re-run that changes a figure (a corrected report, a new price version)
 * becomes an ADJUSTMENT batch of the differences; the idempotency key is fixed per batch, so a retried or replayed
 * post never posts twice.
 */
@Component
public class WholesaleErpBatcher implements ErpBatches.PayloadFactory {

    private final ErpBatches batches;
    private final String currency;

    public WholesaleErpBatcher(ErpBatches batches, @Value("${hub.currency}") String currency) {
        this.batches = batches;
        this.currency = currency;
    }

    public Optional<String> close(YearMonth period, List<StatementLine> lines, String runId) {
        SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        for (StatementLine l : lines) {
            if (l.billable()) {
                CustomerUsage u = l.usage();
                charges.merge(new ChargeKey(l.price().glAccount(), u.customerExternalId(), u.sku(), u.partnerId()),
                        new ChargeAllocator.Unrounded(l.amount(), u.quantity(), u.rows()), ChargeAllocator::sum);
            }
        }
        return batches.close(WebexProperties.PIPELINE, period, currency, charges, runId, this);
    }

    public List<String> pendingBatches(YearMonth period) {
        return batches.pendingBatches(WebexProperties.PIPELINE, period);
    }

    @Override
    public Object payload(ErpBatches.BatchHeader header, List<ChargeLine> lines) {
        Map<String, List<ChargeLine>> byCustomer = new TreeMap<>();
        for (ChargeLine l : lines) {
            byCustomer.computeIfAbsent(l.key().costCentre(), k -> new ArrayList<>()).add(l);
        }
        Map<String, StatementPayload.Statement> statements = new LinkedHashMap<>();
        byCustomer.forEach((customer, charges) -> statements.put(customer, new StatementPayload.Statement(customer,
                charges.get(0).key().dimensionB(),
                charges.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString(),
                charges.stream().map(c -> new StatementPayload.Charge(c.key().dimensionA(), c.key().glAccount(),
                        c.quantity().stripTrailingZeros().toPlainString(), c.amount().toPlainString())).toList())));
        return new StatementPayload(header.period().toString(), header.currency(), header.batchId(),
                header.idempotencyKey(), "billing-hub", header.kind(), header.sequence(),
                header.total().toPlainString(), List.copyOf(statements.values()));
    }

    @Override
    public String describe(ChargeKey key, YearMonth period) {
        return "Webex " + key.dimensionA() + " for customer " + key.costCentre() + " " + period;
    }
}
