package io.billinghub.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.platform.SqlTime;
import io.billinghub.referencedata.ActiveTelephonyReference;
import io.billinghub.referencedata.GlMappingEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes a period for the ERP: sums the rated carrier charges of the month per GL account, cost centre, carrier
 * and destination region (GL mapping in force on each leg's day), allocates whole cents by largest remainder, and
 * records a batch with what is not yet posted. The first batch of a period is ORIGINAL, later ones ADJUSTMENT
 * batches with differences only; posted batches are never edited. The idempotency key is fixed per batch, so a
 * retried or replayed post can never post twice.
 */
@Service
public class ErpPostingService {

    public static final String PIPELINE = "carrier-cpm";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ActiveTelephonyReference reference;
    private final ObjectMapper json;
    private final Clock clock;
    private final String currency;
    private final ChargeAllocator allocator = new ChargeAllocator();

    public ErpPostingService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx,
                             ActiveTelephonyReference reference, ObjectMapper json, Clock clock,
                             @Value("${hub.currency}") String currency) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.reference = reference;
        this.json = json;
        this.clock = clock;
        this.currency = currency;
    }

    /** A batch ready to post. */
    public record Batch(String batchId, String idempotencyKey, String payload, String status) {
    }

    /** Records the batch of what is still to post for the period; empty when everything is posted already. */
    public Optional<String> close(YearMonth period, String runId) {
        return tx.execute(status -> {
            // one closing at a time per period, across nodes
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(:lock))",
                    new MapSqlParameterSource("lock", "erp-close:" + PIPELINE + ":" + period), Object.class);
            List<ChargeLine> toPost = allocator.delta(allocator.allocate(currentCharges(period)), posted(period));
            if (toPost.isEmpty()) {
                return Optional.<String>empty();
            }
            int sequence = jdbc.queryForObject("""
                    select coalesce(max(sequence), 0) + 1 from erp_batch where pipeline = :pipeline and period = :period""",
                    new MapSqlParameterSource("pipeline", PIPELINE).addValue("period", period.toString()),
                    Integer.class);
            return Optional.of(insert(period, sequence, toPost, runId));
        });
    }

    public Batch batch(String batchId) {
        return jdbc.queryForObject("select batch_id, idempotency_key, payload, status from erp_batch where batch_id = :id",
                new MapSqlParameterSource("id", batchId),
                (rs, i) -> new Batch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public void recordAttempt(String batchId) {
        jdbc.update("update erp_batch set attempts = attempts + 1 where batch_id = :id",
                new MapSqlParameterSource("id", batchId));
    }

    public void markPosted(String batchId, int responseStatus) {
        jdbc.update("""
                update erp_batch set status = 'POSTED', posted_at = coalesce(posted_at, :now), response_status = :status
                where batch_id = :id""", new MapSqlParameterSource("id", batchId).addValue("status", responseStatus)
                .addValue("now", SqlTime.utc(clock.instant())));
    }

    private SortedMap<ChargeKey, ChargeAllocator.Unrounded> currentCharges(YearMonth period) {
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
                    ChargeKey key = new ChargeKey(gl.glAccount(), gl.costCentre(), carrier, region);
                    ChargeAllocator.Unrounded sum = new ChargeAllocator.Unrounded(rs.getBigDecimal(4),
                            rs.getBigDecimal(5), rs.getLong(6));
                    charges.merge(key, sum, (a, b) -> new ChargeAllocator.Unrounded(a.amount().add(b.amount()),
                            a.billedMinutes().add(b.billedMinutes()), a.legCount() + b.legCount()));
                });
        return charges;
    }

    /** Everything batched for the period so far (posted or still being posted), summed per key. */
    private List<ChargeLine> posted(YearMonth period) {
        return jdbc.query("""
                select l.gl_account, l.cost_centre, l.carrier_name, l.destination_region, sum(l.amount),
                    sum(l.billed_minutes), sum(l.leg_count)
                from erp_batch_line l join erp_batch b on b.batch_id = l.batch_id
                where b.pipeline = :pipeline and b.period = :period
                group by l.gl_account, l.cost_centre, l.carrier_name, l.destination_region""",
                new MapSqlParameterSource("pipeline", PIPELINE).addValue("period", period.toString()),
                (rs, i) -> new ChargeLine(new ChargeKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7)));
    }

    private String insert(YearMonth period, int sequence, List<ChargeLine> lines, String runId) {
        String batchId = PIPELINE + "-" + period + "-" + sequence;
        String key = "billing-hub/" + PIPELINE + "/" + period + "/" + sequence;
        Instant now = clock.instant();
        BigDecimal total = lines.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ChargeBatchPayload.Line> payloadLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine l = lines.get(i);
            payloadLines.add(new ChargeBatchPayload.Line(i + 1, l.key().glAccount(), l.key().costCentre(),
                    l.key().carrierName(), l.key().destinationRegion(), l.amount().toPlainString(),
                    l.billedMinutes().toPlainString(), l.legCount(), "Carrier telephony " + l.key().carrierName()
                    + " " + l.key().destinationRegion() + " " + period));
        }
        ChargeBatchPayload payload = new ChargeBatchPayload(batchId, key, "billing-hub", PIPELINE, period.toString(),
                period.atDay(1).toString(), period.atEndOfMonth().toString(), sequence == 1 ? "ORIGINAL" : "ADJUSTMENT",
                sequence, currency, now.toString(), runId, reference.require().versionId(), total.toPlainString(),
                lines.size(), payloadLines);
        jdbc.update("""
                insert into erp_batch (batch_id, pipeline, period, kind, sequence, idempotency_key, currency, total,
                    line_count, payload, status, created_at, run_id)
                values (:id, :pipeline, :period, :kind, :sequence, :key, :currency, :total, :lines, :payload,
                    'PENDING', :now, :run)""",
                new MapSqlParameterSource("id", batchId).addValue("pipeline", PIPELINE)
                        .addValue("period", period.toString()).addValue("kind", payload.kind())
                        .addValue("sequence", sequence).addValue("key", key).addValue("currency", currency)
                        .addValue("total", total).addValue("lines", lines.size()).addValue("payload", write(payload))
                        .addValue("now", SqlTime.utc(now)).addValue("run", runId));
        jdbc.batchUpdate("""
                insert into erp_batch_line (batch_id, line_no, gl_account, cost_centre, carrier_name,
                    destination_region, amount, billed_minutes, leg_count)
                values (:batch, :line, :gl, :cc, :carrier, :region, :amount, :minutes, :legs)""",
                payloadLines.stream().map(l -> new MapSqlParameterSource("batch", batchId)
                        .addValue("line", l.lineNumber()).addValue("gl", l.glAccount()).addValue("cc", l.costCentre())
                        .addValue("carrier", l.carrierName()).addValue("region", l.destinationRegion())
                        .addValue("amount", new BigDecimal(l.amount()))
                        .addValue("minutes", new BigDecimal(l.billedMinutes())).addValue("legs", l.legCount()))
                        .toArray(MapSqlParameterSource[]::new));
        return batchId;
    }

    /** Batches recorded but not yet accepted by the ERP, oldest first (retried by the next close). */
    public List<String> pendingBatches(YearMonth period) {
        return jdbc.queryForList("""
                select batch_id from erp_batch where pipeline = :pipeline and period = :period and status = 'PENDING'
                order by sequence""", new MapSqlParameterSource("pipeline", PIPELINE)
                .addValue("period", period.toString()), String.class);
    }

    public List<Map<String, Object>> batches(String period) {
        return jdbc.queryForList("""
                select batch_id, pipeline, period, kind, sequence, idempotency_key, currency, total, line_count, status,
                    attempts, created_at, posted_at, response_status, run_id
                from erp_batch where (cast(:period as text) is null or period = :period) order by period, sequence""",
                new MapSqlParameterSource("period", period));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
