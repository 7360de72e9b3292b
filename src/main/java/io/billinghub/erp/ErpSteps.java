package io.billinghub.erp;

import io.billinghub.platform.Correlation;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.http.HttpCallSteps;
import io.billinghub.reconciliation.ReconciliationService;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Route steps of the ERP push: close carrier periods into batches, then post each batch (of any pipeline) with its
 * idempotency key.
 */
@Component("erpSteps")
public class ErpSteps {

    static final String BATCH_ID = "hubErpBatchId";

    private final CarrierChargeBatcher carrierCharges;
    private final ErpBatches batches;
    private final ReconciliationService reconciliation;
    private final RunRegistry runs;
    private final Clock clock;
    private final String erpUrl;
    private final String erpToken;
    private final int finalisationHours;

    public ErpSteps(CarrierChargeBatcher carrierCharges, ErpBatches batches, ReconciliationService reconciliation,
                    RunRegistry runs, Clock clock, @Value("${hub.erp.url}") String erpUrl,
                    @Value("${hub.erp.auth-token}") String erpToken,
                    @Value("${hub.reconciliation.finalisation-hours}") int finalisationHours) {
        this.carrierCharges = carrierCharges;
        this.batches = batches;
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.clock = clock;
        this.erpUrl = erpUrl;
        this.erpToken = erpToken;
        this.finalisationHours = finalisationHours;
    }

    /** Closes the exchange's period; the body becomes the batches to post (the new one and any still pending). */
    public List<String> closePeriod(Exchange exchange) {
        return close(exchange, List.of(YearMonth.parse(exchange.getProperty(HubExchange.PERIOD, String.class))));
    }

    /** Closes every recent month that is past its finalisation window (daily job, when auto-close is on). */
    public List<String> closeDuePeriods(Exchange exchange) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Predicate<YearMonth> due = month -> !clock.instant().isBefore(month.plusMonths(1).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(finalisationHours * 3600L));
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(today).minusMonths(2); !month.isAfter(YearMonth.from(today));
             month = month.plusMonths(1)) {
            if (due.test(month)) {
                months.add(month);
            }
        }
        return close(exchange, months);
    }

    private List<String> close(Exchange exchange, List<YearMonth> periods) {
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant started = clock.instant();
        List<String> toPost = new ArrayList<>();
        List<String> created = new ArrayList<>();
        Map<String, Object> notClosed = new TreeMap<>();
        for (YearMonth period : periods) {
            // a month with a day whose usage was not completely extracted (a window in the exception queue) is not
            // posted: charges go to the ledger for whole months only
            Set<LocalDate> days = new TreeSet<>(period.atDay(1).datesUntil(period.plusMonths(1).atDay(1)).toList());
            days.removeAll(reconciliation.usageComplete(days));
            if (!days.isEmpty()) {
                notClosed.put(period.toString(), "usage not completely extracted for " + days.size() + " day(s),"
                        + " first " + days.iterator().next());
                continue;
            }
            carrierCharges.close(period, runId).ifPresent(created::add);
            toPost.addAll(carrierCharges.pendingBatches(period));
        }
        runs.recordPhase(runId, started, PhaseCounts.step("close " + periods, 0, 0, 0,
                Map.of("batchesCreated", created, "batchesToPost", toPost, "notClosed", notClosed)));
        if (!notClosed.isEmpty()) {
            runs.addTotals(runId, Map.of("notClosed", notClosed));
        }
        return toPost;
    }

    /** Loads the batch (the body is its id) and sets up the POST: payload, idempotency key, credentials. */
    public void preparePost(Exchange exchange) {
        String batchId = exchange.getIn().getBody(String.class);
        ErpBatches.Batch batch = batches.batch(batchId);
        batches.recordAttempt(batchId);
        exchange.setProperty(BATCH_ID, batchId);
        exchange.setProperty(HubExchange.FAILURE_TYPE, "ERP_POST_FAILED");
        exchange.setProperty(HubExchange.SOURCE, "erp batch " + batchId);
        exchange.setProperty("hubHttpCall", "ERP charge endpoint (batch " + batchId + ")");
        // a fresh call: nothing of the previous answer, and the retry budget starts again
        exchange.getIn().removeHeaders("*");
        HttpCallSteps.freshCall(exchange);
        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
        exchange.getIn().setHeader(Exchange.HTTP_URI, erpUrl);
        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
        exchange.getIn().setHeader("Idempotency-Key", batch.idempotencyKey());
        exchange.getIn().setHeader(Correlation.HTTP_HEADER, exchange.getProperty(HubExchange.CORRELATION_ID));
        exchange.getIn().setHeader("Authorization", "Bearer " + erpToken);
        exchange.getIn().setBody(batch.payload());
    }

    public void markPosted(Exchange exchange) {
        exchange.getIn().removeHeader("Authorization");
        batches.markPosted(exchange.getProperty(BATCH_ID, String.class),
                exchange.getIn().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class));
    }
}
