package io.billinghub.referencedata.cxone;

import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.ReferenceDataset;
import io.billinghub.referencedata.ValidationError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The CXone published-connector set: per-minute usage rates and the team to cost centre mapping. */
@Component
public class CxoneUsageRateDataset implements ReferenceDataset<CxoneUsageRates> {

    public static final String NAME = "cxone-usage-rates";

    private final CxoneUsageRateParser parser = new CxoneUsageRateParser();
    private final JdbcTemplate jdbc;
    private final ActiveCxoneUsageRates active;

    public CxoneUsageRateDataset(JdbcTemplate jdbc, ActiveCxoneUsageRates active) {
        this.jdbc = jdbc;
        this.active = active;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> files() {
        return CxoneUsageRateParser.FILES;
    }

    @Override
    public CxoneUsageRates parse(Map<String, byte[]> files, List<ValidationError> errors) {
        return parser.parse(files, errors);
    }

    @Override
    public void store(long versionId, CxoneUsageRates data) {
        jdbc.batchUpdate("""
                insert into ref_cxone_usage_rate (version_id, line_no, feature_type, direction, currency,
                    rate_per_minute, effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                data.rates(), 500, (ps, r) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, r.lineNo());
                    ps.setString(3, r.featureType());
                    ps.setString(4, r.direction());
                    ps.setString(5, r.currency());
                    ps.setBigDecimal(6, r.ratePerMinute());
                    ps.setObject(7, r.period().from());
                    ps.setObject(8, r.period().to());
                });
        jdbc.batchUpdate("""
                insert into ref_cxone_team_cost_centre (version_id, line_no, team_id, cost_center_id, currency,
                    effective_from, effective_to) values (?, ?, ?, ?, ?, ?, ?)""",
                data.teams(), 500, (ps, t) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, t.lineNo());
                    ps.setString(3, t.teamId());
                    ps.setString(4, t.costCenterId());
                    ps.setString(5, t.currency());
                    ps.setObject(6, t.period().from());
                    ps.setObject(7, t.period().to());
                });
    }

    @Override
    public CxoneUsageRates load(long versionId) {
        return new CxoneUsageRates(jdbc.query("""
                select line_no, feature_type, direction, currency, rate_per_minute, effective_from, effective_to
                from ref_cxone_usage_rate where version_id = ? order by line_no""",
                (rs, i) -> new CxoneUsageRate(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), period(rs, 6)), versionId),
                jdbc.query("""
                        select line_no, team_id, cost_center_id, currency, effective_from, effective_to
                        from ref_cxone_team_cost_centre where version_id = ? order by line_no""",
                        (rs, i) -> new CxoneTeamCostCentre(rs.getInt(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), period(rs, 5)), versionId));
    }

    @Override
    public void activate(long versionId, CxoneUsageRates data) {
        active.activate(versionId, data);
    }

    @Override
    public Map<String, Integer> rowCounts(CxoneUsageRates data) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("usageRates", data.rates().size());
        counts.put("teams", data.teams().size());
        return counts;
    }

    private static EffectivePeriod period(ResultSet rs, int fromColumn) throws SQLException {
        return new EffectivePeriod(rs.getObject(fromColumn, LocalDate.class),
                rs.getObject(fromColumn + 1, LocalDate.class));
    }
}
