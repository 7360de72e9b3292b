package io.billinghub.referencedata.ledger;

import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ledger.LedgerRows.CostCentreMapping;
import io.billinghub.referencedata.ledger.LedgerRows.FxRate;
import io.billinghub.referencedata.ledger.LedgerRows.GlAccount;
import io.billinghub.referencedata.ledger.LedgerRows.Holiday;
import io.billinghub.referencedata.ledger.LedgerRows.LicencePrice;
import io.billinghub.referencedata.ledger.LedgerRows.PhonePrefixRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of each ledger reference version in SQL. */
@Repository
public class LedgerReferenceStore {

    private final JdbcTemplate jdbc;

    public LedgerReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long v, LedgerReferenceData data) {
        jdbc.batchUpdate("insert into ref_gl_account (version_id, gl_account, description) values (?, ?, ?)",
                data.glAccounts(), 500, (ps, a) -> {
                    ps.setLong(1, v);
                    ps.setString(2, a.glAccount());
                    ps.setString(3, a.description());
                });
        jdbc.batchUpdate("""
                insert into ref_cost_centre_mapping (version_id, line_no, cost_centre_id, gl_account, department,
                    effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?)""", data.costCentres(), 500,
                (ps, m) -> {
                    ps.setLong(1, v);
                    ps.setInt(2, m.lineNo());
                    ps.setString(3, m.costCentreId());
                    ps.setString(4, m.glAccount());
                    ps.setString(5, m.department());
                    ps.setObject(6, m.period().from());
                    ps.setObject(7, m.period().to());
                });
        jdbc.batchUpdate("""
                insert into ref_phone_prefix (version_id, line_no, prefix, region, markup_multiplier, effective_from,
                    effective_to) values (?, ?, ?, ?, ?, ?, ?)""", data.phonePrefixes(), 500, (ps, r) -> {
            ps.setLong(1, v);
            ps.setInt(2, r.lineNo());
            ps.setString(3, r.prefix());
            ps.setString(4, r.region());
            ps.setBigDecimal(5, r.markupMultiplier());
            ps.setObject(6, r.period().from());
            ps.setObject(7, r.period().to());
        });
        jdbc.batchUpdate("""
                insert into ref_fx_rate (version_id, line_no, currency, rate_to_base, effective_from, effective_to)
                values (?, ?, ?, ?, ?, ?)""", data.fxRates(), 500, (ps, r) -> {
            ps.setLong(1, v);
            ps.setInt(2, r.lineNo());
            ps.setString(3, r.currency());
            ps.setBigDecimal(4, r.rateToBase());
            ps.setObject(5, r.period().from());
            ps.setObject(6, r.period().to());
        });
        jdbc.batchUpdate("""
                insert into ref_licence_price (version_id, line_no, feature_type, currency, monthly_cost,
                    effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?)""", data.licencePrices(), 500,
                (ps, p) -> {
                    ps.setLong(1, v);
                    ps.setInt(2, p.lineNo());
                    ps.setString(3, p.featureType());
                    ps.setString(4, p.currency());
                    ps.setBigDecimal(5, p.monthlyCost());
                    ps.setObject(6, p.period().from());
                    ps.setObject(7, p.period().to());
                });
        jdbc.batchUpdate("insert into ref_holiday (version_id, day, description) values (?, ?, ?)",
                data.holidays(), 500, (ps, h) -> {
                    ps.setLong(1, v);
                    ps.setObject(2, h.day());
                    ps.setString(3, h.description());
                });
    }

    LedgerReferenceData load(long v) {
        return new LedgerReferenceData(
                jdbc.query("select gl_account, description from ref_gl_account where version_id = ? order by 1",
                        (rs, i) -> new GlAccount(rs.getString(1), rs.getString(2)), v),
                jdbc.query("""
                        select line_no, cost_centre_id, gl_account, department, effective_from, effective_to
                        from ref_cost_centre_mapping where version_id = ? order by line_no""",
                        (rs, i) -> new CostCentreMapping(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), period(rs, 5)), v),
                jdbc.query("""
                        select line_no, prefix, region, markup_multiplier, effective_from, effective_to
                        from ref_phone_prefix where version_id = ? order by line_no""",
                        (rs, i) -> new PhonePrefixRule(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getBigDecimal(4), period(rs, 5)), v),
                jdbc.query("""
                        select line_no, currency, rate_to_base, effective_from, effective_to
                        from ref_fx_rate where version_id = ? order by line_no""",
                        (rs, i) -> new FxRate(rs.getInt(1), rs.getString(2).trim(), rs.getBigDecimal(3),
                                period(rs, 4)), v),
                jdbc.query("""
                        select line_no, feature_type, currency, monthly_cost, effective_from, effective_to
                        from ref_licence_price where version_id = ? order by line_no""",
                        (rs, i) -> new LicencePrice(rs.getInt(1), rs.getString(2), rs.getString(3).trim(),
                                rs.getBigDecimal(4), period(rs, 5)), v),
                jdbc.query("select day, description from ref_holiday where version_id = ? order by day",
                        (rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)), v));
    }

    private static EffectivePeriod period(ResultSet rs, int fromColumn) throws SQLException {
        return new EffectivePeriod(rs.getObject(fromColumn, LocalDate.class),
                rs.getObject(fromColumn + 1, LocalDate.class));
    }
}
