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
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles finalised days, one day at a time: streams the day's current invoice lines and rated legs through the
 * matcher, replaces the day's results and refreshes the day's discrepancy cases (new ones opened in batches,
 * vanished ones auto-resolved).
 */
@Service
public class ReconciliationService {

    public static final String PIPELINE = "carrier-cpm";
    private static final Set<ExceptionType> DAY_TYPES = EnumSet.of(ExceptionType.RECON_CHARGE_DELTA,
            ExceptionType.RECON_MINUTE_DELTA, ExceptionType.RECON_MISSING_ON_INVOICE,
            ExceptionType.RECON_NOT_IN_USAGE, ExceptionType.RECON_NO_INVOICE, ExceptionType.RECON_DUPLICATE_BILLING);
    // cases raised per statement; each batch also reads the raw text of its lines
    private static final int CASE_BATCH = 2_000;

    /** What a pass did. */
    public record Outcome(Set<LocalDate> days, int summaries, int matchedLines, Map<String, Integer> discrepancies) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ExceptionQueue exceptions;
    private final ReconciliationProperties properties;
    private final Reconciler reconciler;
    private final DayReader reader;
    private final List<String> tenants;
    private final Clock clock;

    public ReconciliationService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ExceptionQueue exceptions,
                                 ReconciliationProperties properties, TelephonyProperties telephony, DayReader reader,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
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
        return reconcile(candidateDays, null, runId, correlationId);
    }

    /**
     * As {@link #reconcile(Collection, String, String)} for one carrier's lines and legs only (its invoice
     * arrived): a carrier's findings depend on nothing of another carrier, so the others' results stand.
     *
     * @param carrierName the carrier (its usage name), or null for all
     */
    public Outcome reconcile(Collection<LocalDate> candidateDays, String carrierName, String runId,
                             String correlationId) {
        Set<LocalDate> days = ready(candidateDays);
        Map<LocalDate, Reconciler.Result> results = new TreeMap<>();
        // in date order; a day found to be owed lines by another day's pass (a line dated across midnight from the
        // leg it bills) is reconciled again with them, or for the first time if it was not asked for
        TreeSet<LocalDate> toDo = new TreeSet<>(days);
        while (!toDo.isEmpty()) {
            LocalDate day = toDo.pollFirst();
            // a day per transaction: memory follows a day, and a crash leaves each day as it was or as now
            Reconciler.Result result = tx.execute(status -> {
                Reconciler.Result pass = reconcileDay(day, carrierName, runId, correlationId);
                pass.linesOfOtherDays().forEach((other, lines) -> {
                    if (reader.belongTo(other, lines) > 0) {
                        toDo.addAll(ready(List.of(other)));
                    }
                });
                return pass;
            });
            results.put(day, result);
        }
        Map<String, Integer> byType = new TreeMap<>();
        int summaries = 0;
        int matched = 0;
        for (Reconciler.Result result : results.values()) {
            summaries += result.summaries().size();
            matched += result.summaries().stream().mapToInt(ReconciliationSummary::matchedLines).sum();
            result.discrepancies().forEach(d -> byType.merge(d.type().name(), 1, Integer::sum));
        }
        return new Outcome(results.keySet(), summaries, matched, byType);
    }

    /** Those of the days that are finalised and whose usage every tenant has extracted after the day ended. */
    private Set<LocalDate> ready(Collection<LocalDate> candidateDays) {
        Set<LocalDate> days = new TreeSet<>();
        candidateDays.stream().filter(this::finalised).forEach(days::add);
        days.retainAll(usageComplete(days));
        return days;
    }

    /** Replaces the day's results and refreshes its cases: new ones opened, vanished ones auto-resolved. */
    private Reconciler.Result reconcileDay(LocalDate day, String carrierName, String runId, String correlationId) {
        MapSqlParameterSource slice = new MapSqlParameterSource("day", day).addValue("carrier", carrierName);
        // one pass of a day at a time, whichever node or file asks (two carriers' invoices arriving together):
        // results and cases of a day are replaced by one pass, never interleaved by two
        jdbc.query("select pg_advisory_xact_lock(hashtext('reconciliation|' || :day))", slice, rs -> {
        });
        Reconciler.Pass pass = reconciler.start(Set.of(day));
        reader.read(day, carrierName, pass);
        Reconciler.Result result = pass.result();
        Instant now = clock.instant();
        jdbc.update("""
                delete from reconciliation_result
                where utc_day = :day and (cast(:carrier as text) is null or carrier_name = :carrier)""", slice);
        jdbc.batchUpdate("""
                insert into reconciliation_result (carrier_name, utc_day, invoice_number, status, matched_lines,
                    charge_mismatches, minute_mismatches, missing_on_invoice, not_in_usage, internal_legs,
                    internal_billed_minutes, internal_cost, invoice_lines, invoice_minutes, invoice_charge,
                    reconciled_at, run_id)
                values (:carrier, :day, :invoice, :status, :matched, :charge, :minute, :missing, :notInUsage, :legs,
                    :minutes, :cost, :lines, :invoiceMinutes, :invoiceCharge, :now, :run)""",
                result.summaries().stream().map(s -> row(s, runId, now)).toArray(SqlParameterSource[]::new));

        List<Discrepancy> found = result.discrepancies();
        Set<String> keys = new HashSet<>();
        for (int from = 0; from < found.size(); from += CASE_BATCH) {
            List<Discrepancy> batch = found.subList(from, Math.min(found.size(), from + CASE_BATCH));
            Map<Long, String> raw = reader.raw(batch.stream().map(Discrepancy::line).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            exceptions.raiseAll(batch.stream().map(d -> caseOf(d, raw, runId, correlationId)).toList());
            batch.forEach(d -> keys.add(d.dedupeKey()));
        }
        exceptions.autoResolveAbsent(DAY_TYPES, Discrepancy.scope(day, carrierName), keys,
                "no longer found when " + day + " was reconciled again");
        return result;
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

    private static SqlParameterSource row(ReconciliationSummary s, String runId, Instant now) {
        return new MapSqlParameterSource("carrier", s.carrierName()).addValue("day", s.utcDay())
                .addValue("invoice", s.invoiceNumber()).addValue("status", s.status())
                .addValue("matched", s.matchedLines()).addValue("charge", s.chargeMismatches())
                .addValue("minute", s.minuteMismatches()).addValue("missing", s.missingOnInvoice())
                .addValue("notInUsage", s.notInUsage()).addValue("legs", s.internalLegs())
                .addValue("minutes", s.internalBilledMinutes()).addValue("cost", s.internalCost())
                .addValue("lines", s.invoiceLines()).addValue("invoiceMinutes", s.invoiceMinutes())
                .addValue("invoiceCharge", s.invoiceCharge()).addValue("now", SqlTime.utc(now))
                .addValue("run", runId);
    }

    private static NewException caseOf(Discrepancy d, Map<Long, String> raw, String runId, String correlationId) {
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
            builder.payload(raw.get(d.line().lineId()).getBytes(StandardCharsets.UTF_8), "text");
        }
        return builder.build();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
