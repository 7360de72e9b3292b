package io.billinghub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Contender (b), the alternative: what an engineer would do with the hub's PostgreSQL alone. COPY the legs file
 * into a table, rate it in SQL into a table of rated legs (persisted at leg level), and aggregate that, by the
 * same rules as the hub and DuckDB. The rate card is loaded by COPY too.
 */
final class PostgresCopyBaseline {

    private PostgresCopyBaseline() {
    }

    static DailyTotals run(DataSource dataSource, BenchmarkData data) throws SQLException, IOException {
        try (Connection pg = dataSource.getConnection(); Statement sql = pg.createStatement()) {
            pg.setAutoCommit(true);
            sql.execute("drop table if exists bench_leg, bench_rate_text, bench_rate, bench_carrier, bench_rated");
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
            return totals;
        }
    }

    static void drop(DataSource dataSource) throws SQLException {
        try (Connection pg = dataSource.getConnection(); Statement sql = pg.createStatement()) {
            sql.execute("drop table if exists bench_leg, bench_rate_text, bench_rate, bench_carrier, bench_rated");
        }
    }
}
