package io.billinghub.reconciliation;

import io.billinghub.exceptions.ExceptionQueue;
import io.billinghub.exceptions.ExceptionType;
import io.billinghub.exceptions.NewException;
import io.billinghub.extraction.TelephonyProperties;
import io.billinghub.platform.SqlTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles finalised days: loads current invoice lines and rated legs, matches them, replaces the day's results
 * and refreshes the day's discrepancy cases (new ones opened, vanished ones auto-resolved).
 */
@Service
public class ReconciliationService {

    public static final String PIPELINE = "carrier-cpm";
    private static final Set<ExceptionType> DAY_TYPES = EnumSet.of(ExceptionType.RECON_CHARGE_DELTA,
            ExceptionType.RECON_MINUTE_DELTA, ExceptionType.RECON_MISSING_ON_INVOICE,
            ExceptionType.RECON_NOT_IN_USAGE, ExceptionType.RECON_NO_INVOICE, ExceptionType.RECON_DUPLICATE_BILLING);

    /** What a pass did. */
    public record Outcome(Set<LocalDate> days, int summaries, int matchedLines, Map<String, Integer> discrepancies) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ExceptionQueue exceptions;
    private final ReconciliationProperties properties;
    private final Reconciler reconciler;
    private final List<String> tenants;
    private final Clock clock;

    public ReconciliationService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ExceptionQueue exceptions,
                                 ReconciliationProperties properties, TelephonyProperties telephony, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = telephony.tenants().stream().map(TelephonyProperties.Tenant::id).toList();
        this.tx = tx;
        this.exceptions = exceptions;
        this.properties = properties;
        this.reconciler = new Reconciler(properties.chargeTolerance(), properties.minuteTolerance());
        this.clock = clock;
    }

    /** Whether a UTC day is past its finalisation window. */
    public boolean finalised(LocalDate day) {
        Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !clock.instant().isBefore(dayEnd.plus(Duration.ofHours(properties.finalisationHours())));
    }

    /** The finalised days of the daily job's lookback. */
    public Set<LocalDate> lookbackDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Set<LocalDate> days = new TreeSet<>();
        for (LocalDate day = today.minusDays(properties.lookbackDays()); day.isBefore(today); day = day.plusDays(1)) {
            if (finalised(day)) {
                days.add(day);
            }
        }
        return days;
    }

    /**
     * Reconciles those of the candidate days that are finalised and whose usage every tenant has extracted after
     * the day ended; the others wait (an invoice arriving before the usage is not a discrepancy).
     */
    public Outcome reconcile(Collection<LocalDate> candidateDays, String runId, String correlationId) {
        Set<LocalDate> days = new TreeSet<>();
        candidateDays.stream().filter(this::finalised).forEach(days::add);
        days.retainAll(usageComplete(days));
        if (days.isEmpty()) {
            return new Outcome(days, 0, 0, Map.of());
        }
        MapSqlParameterSource p = new MapSqlParameterSource("days", days);
        List<BilledLine> lines = jdbc.query("""
                select l.id, i.carrier_name, i.invoice_number, f.file_name, l.position, l.leg_reference, l.utc_day,
                    l.minutes, l.charge, l.raw
                from carrier_invoice_line l
                join carrier_invoice i on i.id = l.invoice_id
                join carrier_invoice_file f on f.id = i.file_id
                where i.status = 'CURRENT'
                  and (l.utc_day in (:days) or l.leg_reference in (
                      select leg_id from rated_leg where utc_day in (:days) and leg_class = 'CARRIER'))
                order by i.carrier_name, i.invoice_number, l.line_no""", p, (rs, i) -> new BilledLine(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10)));
        // the day's carrier legs, plus any leg a line of these days references (it may lie on another day)
        List<InternalLeg> legs = jdbc.query("""
                select leg_id, carrier_name, utc_day, leg_class, billed_minutes, cost from rated_leg
                where (utc_day in (:days) and leg_class = 'CARRIER' and carrier_id is not null)
                   or leg_id in (
                      select l.leg_reference from carrier_invoice_line l
                      join carrier_invoice i on i.id = l.invoice_id
                      where i.status = 'CURRENT' and l.utc_day in (:days))""", p,
                (rs, i) -> new InternalLeg(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6)));

        Reconciler.Result result = reconciler.reconcile(days, legs, lines);
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from reconciliation_result where utc_day in (:days)", p);
            for (ReconciliationSummary s : result.summaries()) {
                insert(s, runId, now);
            }
        });
        Map<String, Integer> byType = new TreeMap<>();
        Map<LocalDate, Set<String>> keysByDay = new TreeMap<>();
        days.forEach(day -> keysByDay.put(day, new HashSet<>()));
        for (Discrepancy d : result.discrepancies()) {
            byType.merge(d.type().name(), 1, Integer::sum);
            keysByDay.get(d.utcDay()).add(d.dedupeKey());
            exceptions.raise(caseOf(d, runId, correlationId));
        }
        keysByDay.forEach((day, keys) -> exceptions.autoResolveAbsent(DAY_TYPES, Discrepancy.scope(day), keys,
                "no longer found when " + day + " was reconciled again"));
        int matched = result.summaries().stream().mapToInt(ReconciliationSummary::matchedLines).sum();
        return new Outcome(days, result.summaries().size(), matched, byType);
    }

    /** Those of the days whose usage every tenant has extracted after the day ended. */
    public Set<LocalDate> usageComplete(Set<LocalDate> days) {
        if (days.isEmpty() || tenants.isEmpty()) {
            return days;
        }
        return new TreeSet<>(jdbc.queryForList("""
                select cast(window_start at time zone 'UTC' as date) from extraction_window
                where tenant_id in (:tenants) and extracted_at >= window_end
                  and cast(window_start at time zone 'UTC' as date) in (:days)
                group by window_start having count(distinct tenant_id) = :tenantCount""",
                new MapSqlParameterSource("tenants", tenants).addValue("days", days)
                        .addValue("tenantCount", tenants.size()), LocalDate.class));
    }

    /** An invoice whose stated total is not the sum of its lines and other charges (to the cent) is a case. */
    public void checkInvoiceTotal(long invoiceId, String runId, String correlationId) {
        jdbc.query("""
                select i.carrier_name, i.invoice_number, i.stated_total, i.lines_total, i.other_charges,
                    i.line_count, f.file_name
                from carrier_invoice i join carrier_invoice_file f on f.id = i.file_id where i.id = :id""",
                new MapSqlParameterSource("id", invoiceId), rs -> {
                    String key = "invoice|" + rs.getString(1) + "|" + rs.getString(2);
                    BigDecimal stated = rs.getBigDecimal(3);
                    BigDecimal computed = rs.getBigDecimal(4).add(rs.getBigDecimal(5))
                            .setScale(2, RoundingMode.HALF_UP);
                    if (stated != null && stated.compareTo(computed) == 0) {
                        exceptions.autoResolve(ExceptionType.RECON_INVOICE_TOTAL_MISMATCH, key,
                                "a corrected invoice states the total of its lines");
                        return;
                    }
                    String reason = stated == null
                            ? "invoice " + rs.getString(2) + " of " + rs.getString(1) + " states no total; its "
                                    + rs.getInt(6) + " lines and other charges add up to " + computed
                            : "invoice " + rs.getString(2) + " of " + rs.getString(1) + " states total " + stated
                                    + " but its " + rs.getInt(6) + " lines and other charges add up to " + computed
                                    + " (delta " + stated.subtract(computed) + ")";
                    exceptions.raise(NewException.of(ExceptionType.RECON_INVOICE_TOTAL_MISMATCH, reason)
                            .pipeline(PIPELINE)
                            .source(rs.getString(7), "invoice " + rs.getString(2))
                            .run(runId, correlationId)
                            .dedupeKey(key)
                            .context("carrierName", rs.getString(1))
                            .context("invoiceNumber", rs.getString(2))
                            .context("statedTotal", stated == null ? null : stated.toPlainString())
                            .context("linesTotal", computed.toPlainString())
                            .build());
                });
    }

    private void insert(ReconciliationSummary s, String runId, Instant now) {
        jdbc.update("""
                insert into reconciliation_result (carrier_name, utc_day, invoice_number, status, matched_lines,
                    charge_mismatches, minute_mismatches, missing_on_invoice, not_in_usage, internal_legs,
                    internal_billed_minutes, internal_cost, invoice_lines, invoice_minutes, invoice_charge,
                    reconciled_at, run_id)
                values (:carrier, :day, :invoice, :status, :matched, :charge, :minute, :missing, :notInUsage, :legs,
                    :minutes, :cost, :lines, :invoiceMinutes, :invoiceCharge, :now, :run)""",
                new MapSqlParameterSource("carrier", s.carrierName()).addValue("day", s.utcDay())
                        .addValue("invoice", s.invoiceNumber()).addValue("status", s.status())
                        .addValue("matched", s.matchedLines()).addValue("charge", s.chargeMismatches())
                        .addValue("minute", s.minuteMismatches()).addValue("missing", s.missingOnInvoice())
                        .addValue("notInUsage", s.notInUsage()).addValue("legs", s.internalLegs())
                        .addValue("minutes", s.internalBilledMinutes()).addValue("cost", s.internalCost())
                        .addValue("lines", s.invoiceLines()).addValue("invoiceMinutes", s.invoiceMinutes())
                        .addValue("invoiceCharge", s.invoiceCharge()).addValue("now", SqlTime.utc(now))
                        .addValue("run", runId));
    }

    private static NewException caseOf(Discrepancy d, String runId, String correlationId) {
        NewException.Builder builder = NewException.of(d.type(), d.message())
                .pipeline(PIPELINE)
                .source(d.line() == null ? "usage " + d.carrierName() + " " + d.utcDay() : d.line().fileName(),
                        d.line() == null ? (d.legId() == null ? null : "leg " + d.legId()) : d.line().position())
                .run(runId, correlationId)
                .dedupeKey(d.dedupeKey())
                .context("carrierName", d.carrierName())
                .context("utcDay", d.utcDay().toString())
                .context("invoiceNumber", d.invoiceNumber())
                .context("legId", d.legId())
                .context("legCount", d.legCount())
                .context("internalCharge", plain(d.internalCharge()))
                .context("invoiceCharge", plain(d.invoiceCharge()))
                .context("chargeDelta", d.internalCharge() == null || d.invoiceCharge() == null ? null
                        : d.invoiceCharge().subtract(d.internalCharge()).toPlainString())
                .context("internalMinutes", plain(d.internalMinutes()))
                .context("invoiceMinutes", plain(d.invoiceMinutes()));
        if (d.line() != null) {
            builder.payload(d.line().raw().getBytes(StandardCharsets.UTF_8), "text");
        }
        return builder.build();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
