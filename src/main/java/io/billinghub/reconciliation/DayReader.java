package io.billinghub.reconciliation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams one UTC day into a reconciliation pass, a carrier at a time: the current invoice lines that belong to the
 * day (a line belongs to the day of the carrier leg of its own carrier it bills, or else to its own day) or are
 * dated on it, each with its leg, then the day's rated carrier legs. Lines are fetched in chunks (inside a
 * transaction, where PostgreSQL keeps a cursor); only one carrier's legs of the day are held.
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
     * Feeds the day's lines (those dated on it and those recorded as belonging to it, {@code leg_day}), then its
     * legs, to a pass covering the day: one carrier's lines and legs, or every carrier's, a carrier at a time, when
     * {@code carrierName} is null (a carrier's findings depend on nothing of another's). Call inside a transaction.
     */
    public void read(LocalDate day, String carrierName, Reconciler.Pass pass) {
        // a carrier's lines of the day are sorted into file order: at 10M legs a month, 57,000 lines outgrew the
        // default 4 MB and were sorted on disk (3 s of the 6 s the server spent reading a carrier's month of lines)
        jdbc.getJdbcTemplate().execute("set local work_mem = '64MB'");
        for (String carrier : carrierName == null ? carriers(day) : List.of(carrierName)) {
            readCarrier(day, carrier, pass);
        }
    }

    /**
     * Records the day each of these lines belongs to ({@code null}: its own date), as a pass of another day found;
     * returns how many lines it moved. Call inside the transaction of that pass.
     */
    public int belongTo(LocalDate day, Collection<BilledLine> lines) {
        return jdbc.update("""
                update carrier_invoice_line set leg_day = nullif(:day, utc_day)
                where invoice_id = any(cast(:invoices as bigint[])) and utc_day = any(cast(:days as date[]))
                  and id = any(cast(:ids as bigint[])) and leg_day is distinct from nullif(:day, utc_day)""",
                keys(lines).addValue("day", day));
    }

    /**
     * The carrier's legs of the day are held (about a day of one carrier's traffic) and the lines streamed past
     * them: a lookup per line instead of a join, and the lines read by the (invoice, day) index alone. The few
     * lines whose leg is not among them are looked up afterwards, which only reorders their findings.
     */
    private void readCarrier(LocalDate day, String carrierName, Reconciler.Pass pass) {
        Map<Long, CurrentInvoice> invoices = new LinkedHashMap<>();
        jdbc.query("""
                select i.id, i.carrier_name, i.invoice_number, f.file_name from carrier_invoice i
                join carrier_invoice_file f on f.id = i.file_id
                where i.status = 'CURRENT' and i.carrier_name = :carrier order by i.invoice_number, i.id""",
                new MapSqlParameterSource("carrier", carrierName), rs -> {
                    invoices.put(rs.getLong(1), new CurrentInvoice(rs.getString(2), rs.getString(3),
                            rs.getString(4)));
                });
        Map<String, InternalLeg> legs = new LinkedHashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource("day", day).addValue("carrier", carrierName)
                .addValue("invoices", invoices.keySet().toArray(Long[]::new));
        // held for the day, with five carriers' days reconciled at once: the carrier and day are the query's own
        // values and the usual class one shared string, not a copy per leg
        streaming.query("""
                select leg_id, leg_class, billed_minutes, cost from rated_leg
                where utc_day = :day and carrier_name = :carrier""", p, rs -> {
                    String legId = rs.getString(1);
                    String legClass = rs.getString(2);
                    legs.put(legId, new InternalLeg(legId, carrierName, day,
                            InternalLeg.CARRIER.equals(legClass) ? InternalLeg.CARRIER : legClass,
                            rs.getBigDecimal(3), rs.getBigDecimal(4)));
                });
        List<BilledLine> notOnTheDay = new ArrayList<>();
        if (!invoices.isEmpty()) {
            streaming.query("""
                    select l.id, l.invoice_id, l.position, l.leg_reference, l.utc_day, l.minutes, l.charge
                    from (select id, invoice_id, line_no, position, leg_reference, utc_day, minutes, charge
                          from carrier_invoice_line
                          where invoice_id = any(cast(:invoices as bigint[])) and utc_day = :day
                          union all
                          select id, invoice_id, line_no, position, leg_reference, utc_day, minutes, charge
                          from carrier_invoice_line
                          where leg_day = :day and invoice_id = any(cast(:invoices as bigint[]))) l
                    join unnest(cast(:invoices as bigint[])) with ordinality as v (id, n) on v.id = l.invoice_id
                    order by v.n, l.line_no""", p, rs -> {
                        CurrentInvoice invoice = invoices.get(rs.getLong(2));
                        BilledLine line = new BilledLine(rs.getLong(1), rs.getLong(2), invoice.carrierName(),
                                invoice.invoiceNumber(), invoice.fileName(), rs.getString(3), rs.getString(4),
                                rs.getObject(5, LocalDate.class), rs.getBigDecimal(6), rs.getBigDecimal(7));
                        InternalLeg leg = legs.get(line.legReference());
                        if (leg == null) {
                            notOnTheDay.add(line);
                        } else {
                            pass.line(line, leg);
                        }
                    });
        }
        Map<String, InternalLeg> elsewhere = legs(notOnTheDay.stream().map(BilledLine::legReference).toList());
        notOnTheDay.forEach(line -> pass.line(line, elsewhere.get(line.legReference())));
        legs.values().forEach(pass::leg);
    }

    /** The carriers with a current invoice or a rated leg on the day. */
    private List<String> carriers(LocalDate day) {
        return jdbc.queryForList("""
                select carrier_name from carrier_invoice where status = 'CURRENT'
                union
                select distinct carrier_name from rated_leg where utc_day = :day and carrier_name is not null
                order by 1""", new MapSqlParameterSource("day", day), String.class);
    }

    /** The raw text of these lines, by line id. */
    public Map<Long, String> raw(Collection<BilledLine> lines) {
        Map<Long, String> raw = new HashMap<>();
        if (!lines.isEmpty()) {
            jdbc.query("""
                    select id, raw from carrier_invoice_line
                    where invoice_id = any(cast(:invoices as bigint[])) and utc_day = any(cast(:days as date[]))
                      and id = any(cast(:ids as bigint[]))""", keys(lines), rs -> {
                        raw.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return raw;
    }

    /** The lines' keys (invoice, day, id) as the three arrays of one probe of the primary key. */
    private static MapSqlParameterSource keys(Collection<BilledLine> lines) {
        return new MapSqlParameterSource("invoices",
                lines.stream().map(BilledLine::invoiceId).distinct().toArray(Long[]::new))
                .addValue("days", lines.stream().map(l -> l.utcDay().toString()).distinct().toArray(String[]::new))
                .addValue("ids", lines.stream().map(BilledLine::lineId).toArray(Long[]::new));
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

    /** What a line shows of its invoice. */
    private record CurrentInvoice(String carrierName, String invoiceNumber, String fileName) {
    }

    private static InternalLeg leg(ResultSet rs, int first) throws SQLException {
        return new InternalLeg(rs.getString(first), rs.getString(first + 1), rs.getObject(first + 2, LocalDate.class),
                rs.getString(first + 3), rs.getBigDecimal(first + 4), rs.getBigDecimal(first + 5));
    }
}
