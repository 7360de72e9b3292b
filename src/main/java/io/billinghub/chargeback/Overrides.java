package io.billinghub.chargeback;

import io.billinghub.platform.Checksums;
import io.billinghub.platform.HashChain;
import io.billinghub.platform.SqlTime;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance adjustments, only through the append-only chargeback_override table (the database refuses UPDATE, DELETE
 * and TRUNCATE). An override sets a cost centre's figure for a category; the difference is booked against an offset
 * cost centre (Unallocated by default) so the period still adds up to the invoice. Each row carries SHA-256 checksums
 * of the original and adjusted values and a hash chained to the previous row: {@link #verify()} recomputes the chain,
 * so a row changed or removed behind the triggers' back is found.
 */
@Repository
public class Overrides {

    private static final String SELECT = """
            select override_id, period, division, cost_centre, category, original_amount, adjusted_amount,
                offset_division, offset_cost_centre, reason_code, approver_id, note, requested_by, checksum_original,
                checksum_adjusted, previous_hash, row_hash, created_at
            from chargeback_override
            """;
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{2,39}");

    /** What finance asks for. */
    public record Request(String division, String costCentre, String category, BigDecimal adjustedAmount,
                          String offsetDivision, String offsetCostCentre, String reasonCode, String approverId,
                          String note) {
    }

    /** A stored override. */
    public record Override(long overrideId, String period, String division, String costCentre, String category,
                           BigDecimal originalAmount, BigDecimal adjustedAmount, String offsetDivision,
                           String offsetCostCentre, String reasonCode, String approverId, String note,
                           String requestedBy, String checksumOriginal, String checksumAdjusted, String previousHash,
                           String rowHash, Instant createdAt) {

        public BigDecimal delta() {
            return adjustedAmount.subtract(originalAmount);
        }
    }

    /** The chain check: intact, or the first override whose hash does not match. */
    public record Verification(boolean intact, int rows, Long firstBrokenOverrideId, String reason) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Overrides(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends an override of the figure the report currently shows ({@code current}, allocated plus earlier
     * overrides). Requests are validated before anything is written.
     */
    public Override append(YearMonth period, Request r, BigDecimal current, String requestedBy) {
        List<String> problems = new ArrayList<>();
        if (r.reasonCode() == null || !REASON.matcher(r.reasonCode()).matches()) {
            problems.add("reasonCode must be an upper-case code such as ONE_TIME_CAMPAIGN");
        }
        if (r.approverId() == null || r.approverId().isBlank()) {
            problems.add("approverId is required");
        } else if (r.approverId().equals(requestedBy)) {
            problems.add("the approver cannot be the requester");
        }
        if (r.note() == null || r.note().isBlank()) {
            problems.add("a note explaining the adjustment is required");
        }
        if (r.adjustedAmount() == null || r.adjustedAmount().scale() > 2) {
            problems.add("adjustedAmount is required, in whole cents");
        } else if (r.adjustedAmount().compareTo(current) == 0) {
            problems.add("adjustedAmount equals the current figure " + current.toPlainString());
        }
        if (r.offsetCostCentre().equals(r.costCentre()) && r.offsetDivision().equals(r.division())) {
            problems.add("the offset cost centre must differ from the adjusted one");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        BigDecimal adjusted = r.adjustedAmount().setScale(2);
        BigDecimal original = current.setScale(2);
        return tx.execute(status -> {
            // one writer at a time, so the chain has one head
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('chargeback-override-chain'))",
                    new MapSqlParameterSource(), Object.class);
            String previous = jdbc.query("select row_hash from chargeback_override order by override_id desc limit 1",
                    (rs, i) -> rs.getString(1)).stream().findFirst().orElse(HashChain.GENESIS);
            // microseconds: what timestamptz keeps, so the hash recomputed from the stored row matches
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String subject = period + "|" + r.division() + "|" + r.costCentre() + "|" + r.category();
            Override draft = new Override(0, period.toString(), r.division(), r.costCentre(), r.category(), original,
                    adjusted, r.offsetDivision(), r.offsetCostCentre(), r.reasonCode(), r.approverId(), r.note(),
                    requestedBy, Checksums.sha256(subject + "|" + original.toPlainString()),
                    Checksums.sha256(subject + "|" + adjusted.toPlainString()), previous, null, now);
            String hash = hash(draft);
            Long id = jdbc.queryForObject("""
                    insert into chargeback_override (period, division, cost_centre, category, original_amount,
                        adjusted_amount, offset_division, offset_cost_centre, reason_code, approver_id, note,
                        requested_by, checksum_original, checksum_adjusted, previous_hash, row_hash, created_at)
                    values (:period, :division, :cc, :category, :original, :adjusted, :offsetDivision, :offsetCc,
                        :reason, :approver, :note, :by, :co, :ca, :previous, :hash, :now)
                    returning override_id""", new MapSqlParameterSource("period", draft.period())
                    .addValue("division", draft.division()).addValue("cc", draft.costCentre())
                    .addValue("category", draft.category()).addValue("original", original)
                    .addValue("adjusted", adjusted).addValue("offsetDivision", draft.offsetDivision())
                    .addValue("offsetCc", draft.offsetCostCentre()).addValue("reason", draft.reasonCode())
                    .addValue("approver", draft.approverId()).addValue("note", draft.note())
                    .addValue("by", requestedBy).addValue("co", draft.checksumOriginal())
                    .addValue("ca", draft.checksumAdjusted()).addValue("previous", previous).addValue("hash", hash)
                    .addValue("now", SqlTime.utc(now)), Long.class);
            return find(id);
        });
    }

    public List<Override> forPeriod(YearMonth period) {
        return jdbc.query(SELECT + "where period = :period order by override_id",
                new MapSqlParameterSource("period", period.toString()), Overrides::row);
    }

    public Verification verify() {
        List<Override> all = jdbc.query(SELECT + "order by override_id", Overrides::row);
        Optional<HashChain.Break> broken = HashChain.check(all, Override::overrideId, Override::previousHash,
                Override::rowHash, Overrides::hash);
        if (broken.isPresent()) {
            return new Verification(false, all.size(), broken.get().rowId(), broken.get().reason());
        }
        for (Override o : all) {
            String subject = o.period() + "|" + o.division() + "|" + o.costCentre() + "|" + o.category();
            if (!Checksums.sha256(subject + "|" + o.originalAmount().toPlainString()).equals(o.checksumOriginal())
                    || !Checksums.sha256(subject + "|" + o.adjustedAmount().toPlainString())
                    .equals(o.checksumAdjusted())) {
                return new Verification(false, all.size(), o.overrideId(), "value checksums do not match the amounts");
            }
        }
        return new Verification(true, all.size(), null, "every override matches its checksums and the chain");
    }

    private Override find(long id) {
        return jdbc.queryForObject(SELECT + "where override_id = :id", new MapSqlParameterSource("id", id),
                Overrides::row);
    }

    private static Override row(ResultSet rs, int row) throws SQLException {
        return new Override(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), SqlTime.instant(rs, "created_at"));
    }

    /** The row's content and its predecessor's hash, hashed: any change to either breaks the chain. */
    private static String hash(Override o) {
        return Checksums.sha256(String.join("|", o.period(), o.division(), o.costCentre(), o.category(),
                o.originalAmount().toPlainString(), o.adjustedAmount().toPlainString(), o.offsetDivision(),
                o.offsetCostCentre(), o.reasonCode(), o.approverId(), o.note(), o.requestedBy(),
                o.checksumOriginal(), o.checksumAdjusted(), o.previousHash(), o.createdAt().toString()));
    }
}
