package io.billinghub.extraction.file;

import io.billinghub.platform.HubExchange;
import io.billinghub.reconciliation.ReconciliationSteps;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Route steps of usage file intake (routes/usage-files.camel.yaml): one exchange per file, whatever its size; the
 * file is streamed, staged and rated in chunks inside it.
 */
@Component("usageFileSteps")
public class UsageFileSteps {

    private final UsageFileIngest ingest;
    private final RunSteps runSteps;
    private final RunRegistry runs;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public UsageFileSteps(UsageFileIngest ingest, RunSteps runSteps, RunRegistry runs, NamedParameterJdbcTemplate jdbc,
                          Clock clock) {
        this.ingest = ingest;
        this.runSteps = runSteps;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stages and rates the file in a run of its own, records its counts and one-pass CPM sums, and hands the days
     * it touched that already have invoice lines to reconciliation (the other days wait for their invoice).
     */
    public void ingest(Exchange exchange) throws InvalidPayloadException, IOException {
        String tenantId = exchange.getProperty(HubExchange.SOURCE_ID, String.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        String source = tenantId + "/" + fileName;
        runSteps.ensure(exchange, UsageFileIngest.PIPELINE);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        Instant started = clock.instant();
        String checksum = exchange.getProperty(HubExchange.FILE_CHECKSUM, String.class);
        UsageFileIngest.Outcome outcome;
        try (InputStream content = exchange.getIn().getMandatoryBody(InputStream.class)) {
            outcome = ingest.ingest(tenantId, source, checksum, content, runId,
                    exchange.getProperty(HubExchange.CORRELATION_ID, String.class));
        }
        runs.recordInput(runId, "usage-file", source, checksum);
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("file", source);
        read.put("inserted", outcome.inserted());
        read.put("updated", outcome.updated());
        read.put("unchanged", outcome.unchanged());
        runs.recordPhase(runId, started, PhaseCounts.input("stage " + source, outcome.lines(), outcome.legs(),
                outcome.rejected(), read));
        Map<String, Object> rated = new LinkedHashMap<>();
        rated.put("referenceVersion", outcome.referenceVersionId());
        rated.put("rated", outcome.rated());
        rated.put("excluded", outcome.excluded());
        rated.put("unrated", outcome.unratedByReason());
        rated.put("cost", outcome.cost().toPlainString());
        rated.put("carrierDays", outcome.daily().size());
        runs.recordPhase(runId, started, PhaseCounts.step("rate " + source, outcome.legs(),
                outcome.rated() + outcome.excluded(), outcome.unrated(), rated));
        exchange.setProperty(ReconciliationSteps.INVOICE_DAYS, invoicedDays(outcome.days()));
    }

    private Set<LocalDate> invoicedDays(Set<LocalDate> days) {
        if (days.isEmpty()) {
            return days;
        }
        // one probe of the (invoice, day) index per current invoice and day, stopping at the first line
        List<LocalDate> invoiced = jdbc.queryForList("""
                select d.day from (select cast(unnest(cast(:days as text[])) as date) as day) d
                where exists (select 1 from carrier_invoice i join carrier_invoice_line l on l.invoice_id = i.id
                              where i.status = 'CURRENT' and l.utc_day = d.day)""",
                new MapSqlParameterSource("days", days.stream().map(LocalDate::toString).toArray(String[]::new)),
                LocalDate.class);
        return new TreeSet<>(invoiced);
    }
}
