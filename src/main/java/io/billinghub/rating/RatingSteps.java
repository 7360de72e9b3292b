package io.billinghub.rating;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.ExtractionWindow;
import io.billinghub.platform.HubExchange;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.stereotype.Component;

/** Route steps of rating: rate an extracted window inside its run, or re-rate one leg from the exception queue. */
@Component("ratingSteps")
public class RatingSteps {

    private final RatingService rating;
    private final RunRegistry runs;
    private final ObjectMapper json;
    private final Clock clock;

    public RatingSteps(RatingService rating, RunRegistry runs, ObjectMapper json, Clock clock) {
        this.rating = rating;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    public void rateWindow(Exchange exchange) {
        ExtractionWindow window = exchange.getProperty("hubWindow", ExtractionWindow.class);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant started = clock.instant();
        RatingService.Outcome outcome = rating.rateWindow(window, runId,
                exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
        record(runId, "rate " + window.tenantId() + " " + window.start() + "/" + window.end(), started, outcome);
    }

    /**
     * Re-rates the leg of an UNRATED_LEG case (its leg id travels in a header) with the reference data
     * now in force; fails while it still cannot be rated, so the case stays open.
     */
    public void rateLeg(Exchange exchange) throws IOException, InvalidPayloadException {
        String legId = exchange.getIn().getHeader(RatingService.LEG_ID_HEADER, String.class);
        if (legId == null) {
            // cases raised before the header existed: the payload is the vendor's JSON record
            JsonNode raw = json.readTree(exchange.getIn().getMandatoryBody(String.class));
            legId = raw.path("legId").asText();
        }
        RatingService.Outcome outcome = rating.rateLegs(List.of(legId),
                exchange.getProperty(HubExchange.RUN_ID, String.class),
                exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
        if (outcome.legs() == 0) {
            throw new IllegalStateException("leg " + legId + " is not staged");
        }
        if (outcome.unrated() > 0) {
            throw new IllegalStateException("leg " + legId + " still cannot be rated: " + outcome.unratedByReason());
        }
    }

    private void record(String runId, String phase, Instant started, RatingService.Outcome outcome) {
        if (runId == null) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("referenceVersion", outcome.versionId());
        details.put("rated", outcome.rated());
        details.put("excluded", outcome.excluded());
        details.put("unrated", outcome.unratedByReason());
        details.put("byClass", outcome.byClass());
        details.put("cost", outcome.cost().toPlainString());
        runs.recordPhase(runId, started, PhaseCounts.step(phase, outcome.legs(),
                outcome.rated() + outcome.excluded(), outcome.unrated(), details));
    }
}
