package io.billinghub.cpm;

import io.billinghub.extraction.ExtractionPlanner;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.platform.HubExchange;
import io.billinghub.runs.RunSteps;
import java.time.YearMonth;
import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Route steps of the carrier cost-per-minute pipeline's period run and daily reconciliation job. */
@Component("carrierCpmSteps")
public class CarrierCpmSteps {

    public static final String PERIOD_PIPELINE = "carrier-cpm";
    public static final String DAILY_PIPELINE = "carrier-reconciliation";
    public static final String CLOSE = "hubClose";

    private final RunSteps runSteps;
    private final ExtractionPlanner planner;

    public CarrierCpmSteps(RunSteps runSteps, ExtractionPlanner planner) {
        this.runSteps = runSteps;
        this.planner = planner;
    }

    /** Opens (or joins) the period run; the body becomes every extraction window of the period. */
    public List<ExtractionWindow> beginPeriod(Exchange exchange) {
        YearMonth period = YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class));
        runSteps.ensure(exchange, PERIOD_PIPELINE);
        return planner.periodWindows(period);
    }

    public void beginDaily(Exchange exchange) {
        runSteps.start(exchange, DAILY_PIPELINE);
    }
}
