package io.billinghub.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams one UTC day into a reconciliation pass: the current invoice lines that belong to the day (a line belongs
 * to the day of the leg it references, or to its own day when there is no such leg) or are dated on it, each with
 * its leg, then the day's rated carrier legs. Rows are fetched in chunks (inside a transaction, where PostgreSQL
 * keeps a cursor), so a day is never held in memory as rows.
 */
@Component
public class DayReader {

    private static final int FETCH_SIZE = 5_000;
    private static final int LOOKUP_BATCH = 5_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;

    public DayReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        JdbcTemplate chunked = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        chunked.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(chunked);
    }

    /**
     * The current lines dated on another day than the leg they reference, by the leg's day, for legs on these
     * days: the only lines of a day that its own date does not find. Few (a carrier clock a second off at
     * midnight), but finding them takes a join of every line with the days' legs, so it is done once for all days.
     */
    public Map<LocalDate, List<Long>> linesFromOtherDays(Set<LocalDate> days, String carrierName) {
        Map<LocalDate, List<Long>> lines = new TreeMap<>();
        jdbc.query("""
                select l.id, r.utc_day from rated_leg r
                join carrier_invoice_line l on l.leg_reference = r.leg_id
                join carrier_invoice i on i.id = l.invoice_id
                where i.status = 'CURRENT' and r.utc_day in (:days) and l.utc_day <> r.utc_day
                  and (cast(:carrier as text) is null or i.carrier_name = :carrier)""",
                new MapSqlParameterSource("days", days).addValue("carrier", carrierName), rs -> {
                    lines.computeIfAbsent(rs.getObject(2, LocalDate.class), d -> new ArrayList<>()).add(rs.getLong(1));
                });
        return lines;
    }

    /**
     * Feeds the day's lines (those dated on it and {@code fromOtherDays}), then its legs, to a pass covering the
     * day: one carrier's lines and legs, or every carrier's when {@code carrierName} is null. Call inside a
     * transaction.
     */
    public void read(LocalDate day, String carrierName, Collection<Long> fromOtherDays, Reconciler.Pass pass) {
        MapSqlParameterSource p = new MapSqlParameterSource("day", day).addValue("carrier", carrierName)
                .addValue("others", fromOtherDays.toArray(Long[]::new));
        // joined with the day's legs only (one hash join, not a lookup per line); the few lines whose leg is not
        // on the day are looked up afterwards, which only reorders their findings. The day's lines and the others
        // are two index scans: written as one OR, the planner read the whole table for every day once it had
        // statistics of millions of lines.
        List<BilledLine> notOnTheDay = new ArrayList<>();
        streaming.query("""
                select l.id, i.carrier_name, i.invoice_number, f.file_name, l.position, l.leg_reference, l.utc_day,
                    l.minutes, l.charge, r.leg_id, r.carrier_name, r.utc_day, r.leg_class, r.billed_minutes, r.cost
                from (select id, invoice_id, line_no, position, leg_reference, utc_day, minutes, charge
                      from carrier_invoice_line where utc_day = :day
                      union all
                      select id, invoice_id, line_no, position, leg_reference, utc_day, minutes, charge
                      from carrier_invoice_line where id = any(cast(:others as bigint[])) and utc_day <> :day) l
                join carrier_invoice i on i.id = l.invoice_id
                join carrier_invoice_file f on f.id = i.file_id
                left join rated_leg r on r.leg_id = l.leg_reference and r.utc_day = :day
                where i.status = 'CURRENT' and (cast(:carrier as text) is null or i.carrier_name = :carrier)
                order by i.carrier_name, i.invoice_number, l.line_no""", p, rs -> {
                    BilledLine line = new BilledLine(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                            rs.getBigDecimal(8), rs.getBigDecimal(9));
                    if (rs.getString(10) == null) {
                        notOnTheDay.add(line);
                    } else {
                        pass.line(line, leg(rs, 10));
                    }
                });
        Map<String, InternalLeg> elsewhere = legs(notOnTheDay.stream().map(BilledLine::legReference).toList());
        notOnTheDay.forEach(line -> pass.line(line, elsewhere.get(line.legReference())));
        // unrated legs are never missing on an invoice (they are cases of their own), so they are not read
        streaming.query("""
                select leg_id, carrier_name, utc_day, leg_class, billed_minutes, cost from rated_leg
                where utc_day = :day and leg_class = 'CARRIER' and cost is not null
                  and (cast(:carrier as text) is null or carrier_name = :carrier)""", p,
                rs -> {
                    pass.leg(leg(rs, 1));
                });
    }

    /** The raw text of these lines, by line id. */
    public Map<Long, String> raw(Collection<Long> lineIds) {
        Map<Long, String> raw = new HashMap<>();
        if (!lineIds.isEmpty()) {
            jdbc.query("select id, raw from carrier_invoice_line where id = any(cast(:ids as bigint[]))",
                    new MapSqlParameterSource("ids", lineIds.toArray(Long[]::new)), rs -> {
                        raw.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return raw;
    }

    private Map<String, InternalLeg> legs(List<String> legIds) {
        Map<String, InternalLeg> legs = new HashMap<>();
        for (int from = 0; from < legIds.size(); from += LOOKUP_BATCH) {
            jdbc.query("""
                    select leg_id, carrier_name, utc_day, leg_class, billed_minutes, cost from rated_leg
                    where leg_id = any(cast(:ids as text[]))""", new MapSqlParameterSource("ids",
                    legIds.subList(from, Math.min(legIds.size(), from + LOOKUP_BATCH)).toArray(String[]::new)),
                    rs -> {
                        legs.put(rs.getString(1), leg(rs, 1));
                    });
        }
        return legs;
    }

    private static InternalLeg leg(ResultSet rs, int first) throws SQLException {
        return new InternalLeg(rs.getString(first), rs.getString(first + 1), rs.getObject(first + 2, LocalDate.class),
                rs.getString(first + 3), rs.getBigDecimal(first + 4), rs.getBigDecimal(first + 5));
    }
}
