package io.billinghub.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.observability.HubMetrics;
import io.billinghub.platform.SqlTime;
import io.billinghub.platform.web.ReportRows;
import io.billinghub.security.AuditLog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * ERP batches of every pipeline. Closing a period records a batch with what is not posted yet: current charges,
 * allocated in whole cents by largest remainder, minus everything batched for that pipeline and period before.
 * The first batch is ORIGINAL, later ones ADJUSTMENT batches with differences only; nothing batched is ever
 * edited. The idempotency key is fixed per batch, so a retried or replayed post can never post twice.
 */
@Repository
public class ErpBatches {

    /** Builds a pipeline's payload for a batch of lines. */
    public interface PayloadFactory {
        Object payload(BatchHeader header, List<ChargeLine> lines);

        /** The line's description in the batch and in the payload. */
        String describe(ChargeKey key, YearMonth period);
    }

    /** What every batch has, whatever the pipeline. */
    public record BatchHeader(String batchId, String idempotencyKey, String pipeline, YearMonth period, String kind,
                              int sequence, String currency, Instant createdAt, String runId, BigDecimal total) {
    }

    /** A batch ready to post. */
    public record Batch(String batchId, String idempotencyKey, String payload, String status) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final HubMetrics metrics;
    private final ChargeAllocator allocator = new ChargeAllocator();

    public ErpBatches(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock,
                      AuditLog audit, HubMetrics metrics) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Records the batch of what is still to post; empty when everything is posted already. */
    public Optional<String> close(String pipeline, YearMonth period, String currency,
                                  SortedMap<ChargeKey, ChargeAllocator.Unrounded> charges, String runId,
                                  PayloadFactory payloads) {
        return tx.execute(status -> {
            // one closing at a time per pipeline and period, across nodes
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(:lock))",
                    new MapSqlParameterSource("lock", "erp-close:" + pipeline + ":" + period), Object.class);
            List<ChargeLine> toPost = allocator.delta(allocator.allocate(charges), posted(pipeline, period));
            if (toPost.isEmpty()) {
                return Optional.<String>empty();
            }
            int sequence = jdbc.queryForObject("""
                    select coalesce(max(sequence), 0) + 1 from erp_batch where pipeline = :pipeline and period = :period""",
                    new MapSqlParameterSource("pipeline", pipeline).addValue("period", period.toString()),
                    Integer.class);
            return Optional.of(insert(pipeline, period, currency, sequence, toPost, runId, payloads));
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

    /**
     * The ERP accepted the batch; the first acceptance is audited and its delay since the batch was recorded measured
     * (a replayed post is accepted again).
     */
    public void markPosted(String batchId, int responseStatus) {
        Batch before = batch(batchId);
        Duration lag = jdbc.queryForObject("""
                update erp_batch set status = 'POSTED', posted_at = coalesce(posted_at, :now), response_status = :status
                where batch_id = :id
                returning created_at, posted_at""", new MapSqlParameterSource("id", batchId)
                .addValue("status", responseStatus).addValue("now", SqlTime.utc(clock.instant())),
                (rs, i) -> Duration.between(SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "posted_at")));
        if (!"POSTED".equals(before.status())) {
            metrics.erpBatchAccepted((String) header(batchId).get("pipeline"), lag);
            audit.record("erp.batch.accepted", "erp_batch", batchId, Map.of("idempotencyKey",
                    before.idempotencyKey(), "total", ((BigDecimal) header(batchId).get("total")).toPlainString(),
                    "responseStatus", String.valueOf(responseStatus)));
        }
    }

    /** When the oldest batch the ERP has not accepted yet was recorded, of every pipeline; empty when none. */
    public Optional<Instant> oldestNotAccepted() {
        return Optional.ofNullable(jdbc.queryForObject(
                "select min(created_at) as oldest from erp_batch where status <> 'POSTED'",
                new MapSqlParameterSource(), (rs, i) -> SqlTime.instant(rs, "oldest")));
    }

    /** Batches recorded but not yet accepted by the ERP, oldest first (the next close retries them). */
    public List<String> pendingBatches(String pipeline, YearMonth period) {
        return jdbc.queryForList("""
                select batch_id from erp_batch where pipeline = :pipeline and period = :period and status = 'PENDING'
                order by sequence""", new MapSqlParameterSource("pipeline", pipeline)
                .addValue("period", period.toString()), String.class);
    }

    public List<Map<String, Object>> batches(String period) {
        return jdbc.query("""
                select batch_id, pipeline, period, kind, sequence, idempotency_key, currency, total, line_count, status,
                    attempts, created_at, posted_at, response_status, run_id
                from erp_batch where (cast(:period as text) is null or period = :period)
                order by period, pipeline, sequence""", new MapSqlParameterSource("period", period),
                ReportRows.extractor());
    }

    public Map<String, Object> header(String batchId) {
        return jdbc.queryForMap("select batch_id, pipeline, period, kind, sequence, total from erp_batch"
                + " where batch_id = :id", new MapSqlParameterSource("id", batchId));
    }

    /** The lines of a batch, for the file outbox. */
    public List<Map<String, Object>> lines(String batchId) {
        return jdbc.queryForList("""
                select line_no, gl_account, cost_centre, dimension_a, dimension_b, amount, quantity, record_count,
                    description
                from erp_batch_line where batch_id = :id order by line_no""", new MapSqlParameterSource("id", batchId));
    }

    /** Everything batched for the pipeline and period so far (posted or still being posted), summed per key. */
    private List<ChargeLine> posted(String pipeline, YearMonth period) {
        return jdbc.query("""
                select l.gl_account, l.cost_centre, l.dimension_a, l.dimension_b, sum(l.amount), sum(l.quantity),
                    sum(l.record_count)
                from erp_batch_line l join erp_batch b on b.batch_id = l.batch_id
                where b.pipeline = :pipeline and b.period = :period
                group by l.gl_account, l.cost_centre, l.dimension_a, l.dimension_b""",
                new MapSqlParameterSource("pipeline", pipeline).addValue("period", period.toString()),
                (rs, i) -> new ChargeLine(new ChargeKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7)));
    }

    private String insert(String pipeline, YearMonth period, String currency, int sequence, List<ChargeLine> lines,
                          String runId, PayloadFactory payloads) {
        String batchId = pipeline + "-" + period + "-" + sequence;
        BatchHeader header = new BatchHeader(batchId, "billing-hub/" + pipeline + "/" + period + "/" + sequence,
                pipeline, period, sequence == 1 ? "ORIGINAL" : "ADJUSTMENT", sequence, currency, clock.instant(),
                runId, lines.stream().map(ChargeLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        jdbc.update("""
                insert into erp_batch (batch_id, pipeline, period, kind, sequence, idempotency_key, currency, total,
                    line_count, payload, status, created_at, run_id)
                values (:id, :pipeline, :period, :kind, :sequence, :key, :currency, :total, :lines, :payload,
                    'PENDING', :now, :run)""",
                new MapSqlParameterSource("id", batchId).addValue("pipeline", pipeline)
                        .addValue("period", period.toString()).addValue("kind", header.kind())
                        .addValue("sequence", sequence).addValue("key", header.idempotencyKey())
                        .addValue("currency", currency).addValue("total", header.total())
                        .addValue("lines", lines.size()).addValue("payload", write(payloads.payload(header, lines)))
                        .addValue("now", SqlTime.utc(header.createdAt())).addValue("run", runId));
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ChargeLine l = lines.get(i);
            rows.add(new MapSqlParameterSource("batch", batchId).addValue("line", i + 1)
                    .addValue("gl", l.key().glAccount()).addValue("cc", l.key().costCentre())
                    .addValue("a", l.key().dimensionA()).addValue("b", l.key().dimensionB())
                    .addValue("amount", l.amount()).addValue("quantity", l.quantity())
                    .addValue("records", l.recordCount()).addValue("description", payloads.describe(l.key(), period)));
        }
        jdbc.batchUpdate("""
                insert into erp_batch_line (batch_id, line_no, gl_account, cost_centre, dimension_a, dimension_b,
                    amount, quantity, record_count, description)
                values (:batch, :line, :gl, :cc, :a, :b, :amount, :quantity, :records, :description)""",
                rows.toArray(MapSqlParameterSource[]::new));
        audit.record("erp.batch.recorded", "erp_batch", batchId, Map.of("idempotencyKey", header.idempotencyKey(),
                "kind", header.kind(), "total", header.total().toPlainString(), "lines", String.valueOf(lines.size())));
        return batchId;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
