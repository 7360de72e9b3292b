package io.billinghub.invoices;

import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.reconciliation.ReconciliationService;
import io.billinghub.reconciliation.ReconciliationSteps;
import io.billinghub.runs.PhaseCounts;
import io.billinghub.runs.RunRegistry;
import io.billinghub.runs.RunSteps;
import io.billinghub.security.SafeFileNames;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.component.file.GenericFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Route steps of carrier file intake (routes/carrier-invoices.camel.yaml). */
@Component("invoiceSteps")
public class InvoiceSteps {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceSteps.class);
    private static final String FILE_ID = "hubInvoiceFileId";

    private final InvoiceIngestService ingest;
    private final ReconciliationService reconciliation;
    private final RunSteps runSteps;
    private final RunRegistry runs;
    private final Clock clock;

    public InvoiceSteps(InvoiceIngestService ingest, ReconciliationService reconciliation, RunSteps runSteps,
                        RunRegistry runs, Clock clock) {
        this.ingest = ingest;
        this.reconciliation = reconciliation;
        this.runSteps = runSteps;
        this.runs = runs;
        this.clock = clock;
    }

    /**
     * First step for a picked-up file: refuses a name that is not a plain file name (it is never read, and moves to
     * error/ under a stand-in name), fixes its checksum (the idempotency key is name + checksum), reading it as a
     * stream, and marks it "done" unless the dead-letter channel later marks it "error". The body stays the file the
     * consumer downloaded to its local work directory.
     */
    public void receive(Exchange exchange) throws InvalidPayloadException, IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        exchange.setProperty(HubExchange.SOURCE, exchange.getProperty(HubExchange.SOURCE_ID) + "/" + name);
        exchange.setProperty(HubExchange.FILE_OUTCOME, "done");
        Optional<String> refused = SafeFileNames.problem(name);
        exchange.setProperty(HubExchange.FILE_MOVE_NAME, refused.isEmpty() ? name : SafeFileNames.standIn(name));
        if (refused.isPresent()) {
            throw new InvalidInvoiceFileException("file name", refused.get() + "; the file was not read");
        }
        try (InputStream content = exchange.getIn().getMandatoryBody(InputStream.class)) {
            exchange.setProperty(HubExchange.FILE_CHECKSUM, Checksums.sha256(content));
        }
    }

    /** A file already consumed (same name and checksum): nothing is processed again. */
    public void duplicate(Exchange exchange) {
        LOG.info("Carrier file {} (checksum {}) was already consumed; skipped",
                exchange.getProperty(HubExchange.SOURCE), exchange.getProperty(HubExchange.FILE_CHECKSUM));
    }

    /**
     * Parses and stores the file (the body) in a run of its own, then checks totals and reconciles its days. The
     * body is the local file the intake took, or the file's bytes when a case is replayed.
     */
    public void ingest(Exchange exchange) throws InvalidPayloadException {
        String carrierId = exchange.getProperty(HubExchange.SOURCE_ID, String.class);
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        runSteps.ensure(exchange, InvoiceIngestService.PIPELINE);
        String runId = exchange.getProperty(HubExchange.RUN_ID, String.class);
        String correlationId = exchange.getProperty(HubExchange.CORRELATION_ID, String.class);
        Instant started = clock.instant();
        InvoiceIngestService.Outcome outcome = ingest.ingest(carrierId, fileName, file(exchange), runId,
                correlationId);
        runs.recordInput(runId, "carrier-file", carrierId + "/" + fileName, outcome.checksum());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("file", carrierId + "/" + fileName);
        details.put("duplicate", outcome.duplicate());
        if (outcome.format() != null) {
            details.put("format", outcome.format());
        }
        details.put("invoices", outcome.invoiceIds().size());
        runs.recordPhase(runId, started, PhaseCounts.input("ingest " + carrierId + "/" + fileName,
                outcome.recordsIn(), outcome.accepted(), outcome.rejected(), details));
        for (Long invoiceId : outcome.invoiceIds()) {
            reconciliation.checkInvoiceTotal(invoiceId, runId, correlationId);
        }
        exchange.setProperty(ReconciliationSteps.INVOICE_DAYS, outcome.days());
        exchange.setProperty(ReconciliationSteps.INVOICE_CARRIER, outcome.carrierName());
        exchange.setProperty(FILE_ID, outcome.fileId());
    }

    /** Last step of a file's intake: everything it leads to has been done. */
    public void completed(Exchange exchange) {
        ingest.completed(exchange.getProperty(FILE_ID, Long.class));
    }

    private static InvoiceFile file(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> taken && taken.getBody() instanceof File local) {
            // receive() checksummed this very file
            return InvoiceFile.of(local.toPath(), exchange.getProperty(HubExchange.FILE_CHECKSUM, String.class));
        }
        return InvoiceFile.of(exchange.getIn().getMandatoryBody(byte[].class));
    }
}
