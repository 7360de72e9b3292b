package io.billinghub.referencedata;

import io.billinghub.rating.BillingIncrement;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardEntry;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of each telephony reference version in SQL, written in bulk and read back for the active version. */
@Repository
public class TelephonyReferenceStore {

    private final JdbcTemplate jdbc;

    public TelephonyReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long versionId, TelephonyReferenceData data) {
        jdbc.batchUpdate("""
                insert into ref_carrier (version_id, carrier_id, carrier_name, invoice_time_zone, currency,
                    cost_scale, rounding_mode) values (?, ?, ?, ?, ?, ?, ?)""", data.carriers(), 500, (ps, c) -> {
            ps.setLong(1, versionId);
            ps.setString(2, c.carrierId());
            ps.setString(3, c.carrierName());
            ps.setString(4, c.invoiceTimeZone().getId());
            ps.setString(5, c.currency());
            ps.setInt(6, c.costScale());
            ps.setString(7, c.roundingMode().name());
        });
        jdbc.batchUpdate("""
                insert into ref_rate_card (version_id, line_no, carrier_name, prefix, destination_region,
                    rate_per_minute, increment_first, increment_next, effective_date, expiry_date)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", data.rateCards(), 1000, (ps, r) -> {
            ps.setLong(1, versionId);
            ps.setInt(2, r.lineNo());
            ps.setString(3, r.carrierName());
            ps.setString(4, r.prefix());
            ps.setString(5, r.destinationRegion());
            ps.setBigDecimal(6, r.ratePerMinute());
            ps.setInt(7, r.increment().first());
            ps.setInt(8, r.increment().next());
            ps.setObject(9, r.effectiveDate());
            ps.setObject(10, r.expiryDate());
        });
        jdbc.batchUpdate("""
                insert into ref_gl_mapping (version_id, line_no, carrier_name, destination_region, gl_account,
                    cost_centre, effective_date, expiry_date) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                data.glMappings(), 1000, (ps, g) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, g.lineNo());
                    ps.setString(3, g.carrierName());
                    ps.setString(4, g.destinationRegion());
                    ps.setString(5, g.glAccount());
                    ps.setString(6, g.costCentre());
                    ps.setObject(7, g.effectiveDate());
                    ps.setObject(8, g.expiryDate());
                });
        jdbc.batchUpdate("""
                insert into ref_edge_carrier (version_id, line_no, edge_id, carrier_name, effective_from,
                    effective_to) values (?, ?, ?, ?, ?, ?)""", data.edgeCarriers(), 1000, (ps, e) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, e.lineNo());
                    ps.setString(3, e.edgeId());
                    ps.setString(4, e.carrierName());
                    ps.setObject(5, e.effectiveFrom());
                    ps.setObject(6, e.effectiveTo());
                });
    }

    public TelephonyReferenceData load(long versionId) {
        List<CarrierProfile> carriers = jdbc.query("""
                select carrier_id, carrier_name, invoice_time_zone, currency, cost_scale, rounding_mode
                from ref_carrier where version_id = ? order by carrier_id""", (rs, i) -> new CarrierProfile(
                rs.getString(1), rs.getString(2), ZoneId.of(rs.getString(3)), rs.getString(4).trim(), rs.getInt(5),
                RoundingMode.valueOf(rs.getString(6))), versionId);
        List<RateCardEntry> rates = jdbc.query("""
                select line_no, carrier_name, prefix, destination_region, rate_per_minute, increment_first,
                    increment_next, effective_date, expiry_date
                from ref_rate_card where version_id = ? order by line_no""", (rs, i) -> new RateCardEntry(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                new BillingIncrement(rs.getInt(6), rs.getInt(7)), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class)),
                versionId);
        List<GlMappingEntry> gl = jdbc.query("""
                select line_no, carrier_name, destination_region, gl_account, cost_centre, effective_date, expiry_date
                from ref_gl_mapping where version_id = ? order by line_no""", (rs, i) -> new GlMappingEntry(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)), versionId);
        List<EdgeCarrierEntry> edges = jdbc.query("""
                select line_no, edge_id, carrier_name, effective_from, effective_to
                from ref_edge_carrier where version_id = ? order by line_no""", (rs, i) -> new EdgeCarrierEntry(
                rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class)), versionId);
        return new TelephonyReferenceData(carriers, rates, gl, edges);
    }

}
