package io.billinghub.cpm;

import io.billinghub.extraction.ExtractionPlanner;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.platform.HubExchange;
import io.billinghub.rating.LegRater;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Route steps of the carrier cost-per-minute pipeline's period run and daily reconciliation job. */
@Component("carrierCpmSteps")
public class CarrierCpmSteps {

    public static final String PERIOD_PIPELINE = "carrier-cpm";
    public static final String DAILY_PIPELINE = "carrier-reconciliation";
    public static final String CLOSE = HubExchange.CLOSE;

    private final RunSteps runSteps;
    private final RunRegistry runs;
    private final ExtractionPlanner planner;
    private final NamedParameterJdbcTemplate jdbc;

    public CarrierCpmSteps(RunSteps runSteps, RunRegistry runs, ExtractionPlanner planner,
                           NamedParameterJdbcTemplate jdbc) {
        this.runSteps = runSteps;
        this.runs = runs;
        this.planner = planner;
        this.jdbc = jdbc;
    }

    /** Opens (or joins) the period run; the body becomes every extraction window of the period. */
    public List<ExtractionWindow> beginPeriod(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        runSteps.ensure(exchange, PERIOD_PIPELINE);
        return planner.periodWindows(period);
    }

    public void beginDaily(Exchange exchange) {
        runSteps.ensure(exchange, DAILY_PIPELINE);
    }

    /** The period's figures as the run leaves them, recorded with the run. */
    public void recordTotals(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        MapSqlParameterSource p = new MapSqlParameterSource("from", period.atDay(1))
                .addValue("to", period.atEndOfMonth()).addValue("period", period.toString());
        Map<String, Object> totals = new LinkedHashMap<>();
        jdbc.query("""
                select rating_status, count(*), coalesce(sum(billed_seconds), 0), sum(cost) from rated_leg
                where utc_day >= :from and utc_day <= :to group by rating_status order by rating_status""", p, rs -> {
            String status = rs.getString(1).toLowerCase(Locale.ROOT);
            totals.put(status + "Legs", rs.getLong(2));
            if ("rated".equals(status)) {
                totals.put("ratedBilledMinutes", LegRater.minutes(rs.getLong(3)).toPlainString());
                totals.put("ratedCost", rs.getBigDecimal(4).toPlainString());
            }
        });
        totals.put("erpPosted", jdbc.queryForObject("""
                select coalesce(sum(total), 0) from erp_batch where period = :period and status = 'POSTED'""", p,
                BigDecimal.class).toPlainString());
        runs.addTotals(exchange.getProperty(HubExchange.RUN_ID, String.class), totals);
    }
}
