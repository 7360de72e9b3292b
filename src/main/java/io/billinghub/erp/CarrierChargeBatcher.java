package io.billinghub.erp;

import io.billinghub.referencedata.ActiveTelephonyReference;
import io.billinghub.referencedata.GlMappingEntry;
import java.time.LocalDate;
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
 * The carrier pipeline's charges for a period: rated carrier costs per GL account, cost centre, carrier and
 * destination region, the GL mapping taken on each leg's own day.
 */
@Component
public class CarrierChargeBatcher implements ErpBatches.PayloadFactory {

    public static final String PIPELINE = "carrier-cpm";

    private final NamedParameterJdbcTemplate jdbc;
    private final ErpBatches batches;
    private final ActiveTelephonyReference reference;
    private final String currency;

    public CarrierChargeBatcher(NamedParameterJdbcTemplate jdbc, ErpBatches batches,
                                ActiveTelephonyReference reference, @Value("${hub.currency}") String currency) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reference = reference;
        this.currency = currency;
    }

    public Optional<String> close(YearMonth period, String runId) {
        return batches.close(PIPELINE, period, currency, charges(period), runId, this);
    }

    private SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges(YearMonth period) {
        ActiveTelephonyReference.Snapshot snapshot = reference.require();
        SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges = new TreeMap<>();
        jdbc.query("""
                select carrier_name, destination_region, utc_day, sum(cost), sum(billed_minutes), count(*)
                from rated_leg where rating_status = 'RATED' and utc_day >= :from and utc_day <= :to
                group by carrier_name, destination_region, utc_day""",
                new MapSqlParameterSource("from", period.atDay(1)).addValue("to", period.atEndOfMonth()), rs -> {
                    String carrier = rs.getString(1);
                    String region = rs.getString(2);
                    LocalDate day = rs.getObject(3, LocalDate.class);
                    GlMappingEntry gl = snapshot.glMappings().resolve(carrier, region, day).orElseThrow(() ->
                            new IllegalStateException("no GL mapping in force for carrier '" + carrier + "' region '"
                                    + region + "' on " + day + ": add one to gl-mappings.csv, then close again"));
                    charges.merge(new ChargeKey(gl.glAccount(), gl.costCentre(), carrier, region),
                            new ChargeAllocator.Unrounded(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)),
                            ChargeAllocator::sum);
                });
        return charges;
    }

    @Override
    public Object payload(ErpBatches.BatchHeader header, List<ChargeLine> lines) {
        List<ChargeBatchPayload.Line> payloadLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine l = lines.get(i);
            payloadLines.add(new ChargeBatchPayload.Line(i + 1, l.key().glAccount(), l.key().costCentre(),
                    l.key().dimensionA(), l.key().dimensionB(), l.amount().toPlainString(),
                    l.quantity().toPlainString(), l.recordCount(), describe(l.key(), header.period())));
        }
        YearMonth period = header.period();
        return new ChargeBatchPayload(header.batchId(), header.idempotencyKey(), "billing-hub", PIPELINE,
                period.toString(), period.atDay(1).toString(), period.atEndOfMonth().toString(), header.kind(),
                header.sequence(), header.currency(), header.createdAt().toString(), header.runId(),
                reference.require().versionId(), header.total().toPlainString(), lines.size(), payloadLines);
    }

    @Override
    public String describe(ChargeKey key, YearMonth period) {
        return "Carrier telephony " + key.dimensionA() + " " + key.dimensionB() + " " + period;
    }

    public List<String> pendingBatches(YearMonth period) {
        return batches.pendingBatches(PIPELINE, period);
    }
}
