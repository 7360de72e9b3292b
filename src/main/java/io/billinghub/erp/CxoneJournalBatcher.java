package io.billinghub.erp;

import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.referencedata.ledger.ActiveLedgerReference;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reconciled GL journal of a CXone period: normalised GL amounts per GL account and department (the
 * Unallocated bucket included, for review), and each credit memo as a compensating entry of its own. A credit memo
 * arriving after the period was posted becomes part of an ADJUSTMENT batch; nothing posted earlier is edited.
 */
@Component
public class CxoneJournalBatcher implements ErpBatches.PayloadFactory {

    static final String USAGE = "USAGE";
    static final String CREDIT_MEMO = "CREDIT_MEMO";

    private final NamedParameterJdbcTemplate jdbc;
    private final ErpBatches batches;
    private final ActiveLedgerReference ledger;
    private final CxoneProperties properties;
    private final String currency;

    public CxoneJournalBatcher(NamedParameterJdbcTemplate jdbc, ErpBatches batches, ActiveLedgerReference ledger,
                               CxoneProperties properties, @Value("${hub.currency}") String currency) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ledger = ledger;
        this.properties = properties;
        this.currency = currency;
    }

    public Optional<String> close(YearMonth period, String runId) {
        SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        jdbc.query("""
                select gl_account, department, credit_memo_id, sum(gl_amount), count(*)
                from cxone_normalised_line where period = :period
                group by gl_account, department, credit_memo_id""",
                new MapSqlParameterSource("period", period.toString()), rs -> {
                    String memo = rs.getString(3);
                    charges.merge(new ChargeKey(rs.getString(1), rs.getString(2), memo == null ? USAGE : CREDIT_MEMO,
                                    memo == null ? "" : memo),
                            new ChargeAllocator.Unrounded(rs.getBigDecimal(4), BigDecimal.ZERO, rs.getLong(5)),
                            ChargeAllocator::sum);
                });
        return batches.close(CxoneProperties.PIPELINE, period, currency, charges, runId, this);
    }

    public List<String> pendingBatches(YearMonth period) {
        return batches.pendingBatches(CxoneProperties.PIPELINE, period);
    }

    @Override
    public Object payload(ErpBatches.BatchHeader header, List<ChargeLine> lines) {
        List<JournalPayload.Line> payloadLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine l = lines.get(i);
            payloadLines.add(new JournalPayload.Line(i + 1, l.key().glAccount(), l.key().costCentre(),
                    l.key().dimensionA(), l.key().dimensionB().isEmpty() ? null : l.key().dimensionB(),
                    l.amount().toPlainString(), l.recordCount(), describe(l.key(), header.period())));
        }
        return new JournalPayload(header.batchId(), header.idempotencyKey(), "billing-hub", CxoneProperties.PIPELINE,
                header.period().toString(), header.kind(), header.sequence(), header.currency(),
                properties.glAmountBasis().name(), header.createdAt().toString(), header.runId(),
                ledger.require().versionId(), header.total().toPlainString(), lines.size(), payloadLines);
    }

    @Override
    public String describe(ChargeKey key, YearMonth period) {
        return CREDIT_MEMO.equals(key.dimensionA())
                ? "CXone credit memo " + key.dimensionB() + " " + key.costCentre() + " " + period
                : "CXone usage and licences " + key.costCentre() + " " + period;
    }
}
