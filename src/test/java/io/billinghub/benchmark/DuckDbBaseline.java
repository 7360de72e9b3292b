package io.billinghub.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Contender (a), the alternative: DuckDB (in-process, through JDBC only, so it is needed at run time by the
 * benchmark profile and nowhere else) reading the same CSV files and rating and aggregating them in SQL by the
 * rules the README states: carrier legs only, longest prefix of the carrier's card in force on the UTC day, billed
 * seconds by increment, cost rate x billed / 60 rounded half-up at the carrier's scale (integer arithmetic, exact).
 */
final class DuckDbBaseline {

    private DuckDbBaseline() {
    }

    static DailyTotals rate(BenchmarkData data) throws SQLException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("set threads = " + Runtime.getRuntime().availableProcessors());
            sql.execute("create table carrier as select carrier_name, cast(cost_scale as integer) as scale from "
                    + "read_csv('" + path(data.carriersFile) + "', header = true, all_varchar = true)");
            sql.execute("create table rate as select carrier_name, prefix, destination_region as region, "
                    + "cast(cast(rate_per_minute as decimal(18, 8)) * 100000000 as bigint) as rate_e8, "
                    + "cast(split_part(billing_increment, '/', 1) as integer) as inc_first, "
                    + "cast(split_part(billing_increment, '/', 2) as integer) as inc_next, "
                    + "cast(effective_date as date) as valid_from, cast(nullif(expiry_date, '') as date) as valid_to "
                    + "from read_csv('" + path(data.rateCardFile) + "', header = true, all_varchar = true)");
            return DailyTotals.query(sql, """
                    with legs as (
                        select leg_id, carrier_name, cast(billing_duration_seconds as integer) as seconds,
                            -- the generated file writes UTC instants with Z: the day is the date part
                            cast(left(start_time, 10) as date) as utc_day,
                            regexp_replace(destination_number, '[^0-9]', '', 'g') as raw_digits
                        from read_csv('%s', header = true, all_varchar = true)
                        where lower(trim(call_type)) = 'voip' and lower(trim(direction)) = 'outbound'
                          and lower(trim(call_outcome)) = 'answered'
                          and cast(billing_duration_seconds as integer) > 0),
                    digits as (
                        select *, case when starts_with(raw_digits, '00') then substr(raw_digits, 3)
                                       else raw_digits end as digits
                        from legs),
                    lens as (select distinct length(prefix) as len from rate),
                    -- each leg against each prefix length the cards use: an equi-join, then the longest wins
                    candidates as (
                        select d.*, substr(d.digits, 1, l.len) as candidate
                        from digits d join lens l on l.len <= length(d.digits)),
                    matched as (
                        select c.leg_id, c.carrier_name, c.utc_day, c.seconds,
                            max_by({'region': r.region, 'rate_e8': r.rate_e8, 'f': r.inc_first, 'n': r.inc_next},
                                   length(r.prefix)) as best
                        from candidates c
                        join rate r on r.carrier_name = c.carrier_name and r.prefix = c.candidate
                            and r.valid_from <= c.utc_day and (r.valid_to is null or c.utc_day <= r.valid_to)
                        group by all),
                    billed as (
                        select m.carrier_name, m.best.region as region, m.utc_day, m.best.rate_e8 as rate_e8,
                            case when m.seconds <= m.best.f then m.best.f
                                 else m.best.f + (m.seconds - m.best.f + m.best.n - 1) // m.best.n * m.best.n
                            end as billed, c.scale
                        from matched m join carrier c on c.carrier_name = m.carrier_name)
                    select carrier_name, region, cast(utc_day as varchar), count(*), sum(billed),
                        cast(sum(((cast(rate_e8 as hugeint) * billed * cast(pow(10, scale) as bigint) + 3000000000)
                                  // 6000000000) * cast(pow(10, 6 - scale) as bigint)) as varchar) || 'e-6'
                    from billed group by all""".formatted(path(data.legsFile)));
        }
    }

    private static String path(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }
}
