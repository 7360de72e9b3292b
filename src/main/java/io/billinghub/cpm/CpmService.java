package io.billinghub.cpm;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/** CPM by carrier × destination region × UTC day from rated carrier legs. */
@Service
public class CpmService {

    private final NamedParameterJdbcTemplate jdbc;
    private final CpmCalculator calculator = new CpmCalculator();

    public CpmService(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CpmRow> cpm(LocalDate from, LocalDate to, String carrierName, String region) {
        return calculator.compute(dailyUsage(from.minusDays(CpmCalculator.TRAILING_DAYS - 1), to, carrierName,
                region), from, to);
    }

    public CpmMatrix matrix(LocalDate from, LocalDate to, CpmMatrix.Granularity granularity, String carrierName,
                            String region) {
        return CpmMatrix.of(dailyUsage(from, to, carrierName, region), from, to, granularity);
    }

    private List<DailyUsage> dailyUsage(LocalDate from, LocalDate to, String carrierName, String region) {
        return jdbc.query("""
                select carrier_name, destination_region, utc_day, count(*) as legs, sum(billed_seconds) as seconds,
                    sum(cost) as cost
                from rated_leg
                where rating_status = 'RATED' and utc_day >= :from and utc_day <= :to
                  and (cast(:carrier as text) is null or carrier_name = :carrier)
                  and (cast(:region as text) is null or destination_region = :region)
                group by carrier_name, destination_region, utc_day""",
                new MapSqlParameterSource("from", from).addValue("to", to)
                        .addValue("carrier", carrierName).addValue("region", region),
                (rs, i) -> new DailyUsage(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getLong(4), rs.getLong(5), rs.getBigDecimal(6)));
    }
}
