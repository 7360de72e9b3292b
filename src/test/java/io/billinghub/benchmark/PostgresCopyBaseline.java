package io.billinghub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Contender (b), the alternative: what an engineer would do with the hub's PostgreSQL alone. COPY the legs file
 * into a table, rate it in SQL into a table of rated legs (persisted at leg level), and aggregate that, by the
 * same rules as the hub and DuckDB (the rate card is loaded by COPY too); then COPY the carriers' invoices and
 * reconcile them against the rated legs in SQL (same tolerances as the hub: 0.01 on a charge, 1 minute), keeping
 * the discrepancies in a table.
 */
final class PostgresCopyBaseline {

    /** The legs' totals, how long the legs part took, and the discrepancies found by type. */
    record Result(DailyTotals totals, double legsSeconds, Map<String, Long> discrepancies) {
    }

    private static final String DROP = "drop table if exists bench_leg, bench_rate_text, bench_rate, bench_carrier,"
            + " bench_rated, bench_invoice_line, bench_discrepancy";

    private PostgresCopyBaseline() {
    }

    static Result run(DataSource dataSource, BenchmarkData data) throws SQLException, IOException {
        long started = System.nanoTime();
        try (Connection pg = dataSource.getConnection(); Statement sql = pg.createStatement()) {
            pg.setAutoCommit(true);
            sql.execute(DROP);
            sql.execute("""
                    create table bench_leg (leg_id text, call_id text, start_time timestamptz, end_time timestamptz,
                        duration_seconds integer, billing_duration_seconds integer, carrier_name text,
                        destination_number text, call_type text, direction text, call_outcome text)""");
            sql.execute("""
                    create table bench_rate_text (carrier_name text, prefix text, destination_region text,
                        rate_per_minute numeric(18, 8), billing_increment text, effective_date date,
                        expiry_date date)""");
            sql.execute("""
                    create table bench_carrier (carrier_id text, carrier_name text, invoice_time_zone text,
                        currency text, cost_scale integer, rounding_mode text)""");
            CopyManager copy = pg.unwrap(PGConnection.class).getCopyAPI();
            try (InputStream in = Files.newInputStream(data.carriersFile)) {
                copy.copyIn("copy bench_carrier from stdin with (format csv, header true)", in);
            }
            try (InputStream in = Files.newInputStream(data.rateCardFile)) {
                copy.copyIn("copy bench_rate_text from stdin with (format csv, header true)", in);
            }
            try (InputStream in = Files.newInputStream(data.legsFile)) {
                copy.copyIn("copy bench_leg from stdin with (format csv, header true)", in);
            }
            sql.execute("""
                    create table bench_rate as
                    select carrier_name, prefix, length(prefix) as len, destination_region as region,
                        rate_per_minute, split_part(billing_increment, '/', 1)::int as inc_first,
                        split_part(billing_increment, '/', 2)::int as inc_next, effective_date, expiry_date
                    from bench_rate_text""");
            sql.execute("analyze bench_leg");
            sql.execute("analyze bench_rate");
            sql.execute("""
                    create table bench_rated as
                    with legs as (
                        select leg_id, carrier_name, billing_duration_seconds as seconds,
                            (start_time at time zone 'UTC')::date as utc_day,
                            regexp_replace(destination_number, '[^0-9]', '', 'g') as raw_digits
                        from bench_leg
                        where lower(trim(call_type)) = 'voip' and lower(trim(direction)) = 'outbound'
                          and lower(trim(call_outcome)) = 'answered' and billing_duration_seconds > 0),
                    digits as (
                        select *, case when raw_digits like '00%' then substr(raw_digits, 3) else raw_digits end
                            as digits
                        from legs),
                    lens as (select distinct len from bench_rate),
                    matched as (
                        select distinct on (d.leg_id) d.leg_id, d.carrier_name, d.utc_day, d.seconds, r.region,
                            r.rate_per_minute, r.inc_first, r.inc_next
                        from digits d
                        join lens l on l.len <= length(d.digits)
                        join bench_rate r on r.carrier_name = d.carrier_name and r.prefix = substr(d.digits, 1, l.len)
                            and r.effective_date <= d.utc_day and (r.expiry_date is null or d.utc_day <= r.expiry_date)
                        order by d.leg_id, r.len desc),
                    billed as (
                        select m.*, case when m.seconds <= m.inc_first then m.inc_first
                            else m.inc_first + ((m.seconds - m.inc_first + m.inc_next - 1) / m.inc_next) * m.inc_next
                            end as billed
                        from matched m)
                    select b.leg_id, b.carrier_name, b.region, b.utc_day, b.seconds, b.billed, b.rate_per_minute,
                        round(b.rate_per_minute * b.billed / 60, c.cost_scale) as cost
                    from billed b join bench_carrier c on c.carrier_name = b.carrier_name""");
            DailyTotals totals = DailyTotals.query(sql, """
                    select carrier_name, region, utc_day::text, count(*), sum(billed), sum(cost)::text
                    from bench_rated group by carrier_name, region, utc_day""");
            double legsSeconds = (System.nanoTime() - started) / 1e9;
            sql.execute("""
                    create table bench_invoice_line (carrier_name text, record_type text, invoice_number text,
                        invoice_date date, currency text, leg_reference text, destination_number text,
                        start_time timestamptz, minutes numeric(18, 6), charge numeric(18, 6))""");
            for (Map.Entry<String, Path> invoice : data.invoiceFiles.entrySet()) {
                String carrier = BenchmarkData.CARRIERS.stream().filter(c -> c.id().equals(invoice.getKey()))
                        .findFirst().orElseThrow().name();
                sql.execute("alter table bench_invoice_line alter column carrier_name set default '"
                        + carrier.replace("'", "''") + "'");
                try (InputStream in = Files.newInputStream(invoice.getValue())) {
                    copy.copyIn("""
                            copy bench_invoice_line (record_type, invoice_number, invoice_date, currency,
                                leg_reference, destination_number, start_time, minutes, charge)
                            from stdin with (format csv, header true)""", in);
                }
            }
            sql.execute("""
                    create table bench_discrepancy as
                    select case when r.leg_id is null then 'RECON_NOT_IN_USAGE'
                                when l.leg_reference is null then 'RECON_MISSING_ON_INVOICE'
                                when abs(l.charge - r.cost) > 0.01 then 'RECON_CHARGE_DELTA'
                                else 'RECON_MINUTE_DELTA' end as type,
                        coalesce(l.carrier_name, r.carrier_name) as carrier_name, r.leg_id, l.leg_reference,
                        r.cost, l.charge, r.billed, l.minutes
                    from (select * from bench_invoice_line where record_type = 'LINE') l
                    full join bench_rated r on r.leg_id = l.leg_reference and r.carrier_name = l.carrier_name
                    where r.leg_id is null or l.leg_reference is null or abs(l.charge - r.cost) > 0.01
                       or abs(l.minutes - r.billed / 60.0) > 1""");
            Map<String, Long> discrepancies = new TreeMap<>();
            try (ResultSet rs = sql.executeQuery("select type, count(*) from bench_discrepancy group by type")) {
                while (rs.next()) {
                    discrepancies.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Result(totals, legsSeconds, discrepancies);
        }
    }

    static void drop(DataSource dataSource) throws SQLException {
        try (Connection pg = dataSource.getConnection(); Statement sql = pg.createStatement()) {
            sql.execute(DROP);
        }
    }
}
