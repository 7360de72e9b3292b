package io.billinghub.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.GenesysUsageAdapter;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.platform.Checksums;
import io.billinghub.platform.HubExchange;
import io.billinghub.referencedata.ActiveTelephonyReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The default run's demonstration: once the hub is up, the carriers drop their invoices for the demo month over
 * SFTP (into {carrier id}/inbox, the layout of routes/carriers.camel.yaml), then the month is run
 * end to end (extract from the vendor sandbox, rate, reconcile, post to the ERP sink), then the CXone month (report,
 * normalisation, reconciliation against the invoice, GL journal), and summaries say where to look. Running it again
 * changes nothing: files are duplicates, legs and lines are upserts, and the ERP batches are already posted.
 */
@Component
@ConditionalOnProperty(prefix = "hub.demo", name = "enabled", havingValue = "true")
public class DemoRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRunner.class);
    private static final Duration INGEST_WAIT = Duration.ofMinutes(3);

    private final YearMonth period;
    private final TelephonyDataset dataset;
    private final GenesysUsageAdapter adapter;
    private final ActiveTelephonyReference reference;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SftpTarget sftp;
    private final String baseUrl;
    private final Resource webexInvoice;

    /** Where carriers drop files (the hub's own SFTP settings). The password never appears in toString(). */
    record SftpTarget(String host, int port, String username, String password, Path knownHosts, String prefix) {

        @Override
        public String toString() {
            return "SftpTarget[" + username + "@" + host + ":" + port + "/" + prefix + ", password=***]";
        }
    }

    public DemoRunner(@Value("${hub.demo.period}") String period, TelephonyDataset dataset,
                      GenesysUsageAdapter adapter, ActiveTelephonyReference reference, ProducerTemplate producer,
                      CamelContext camel, NamedParameterJdbcTemplate jdbc, ObjectMapper json,
                      @Value("${hub.sftp.host}") String host, @Value("${hub.sftp.port}") int port,
                      @Value("${hub.sftp.username}") String username, @Value("${hub.sftp.password}") String password,
                      @Value("${hub.sftp.known-hosts-file}") String knownHosts,
                      @Value("${hub.sftp.directory-prefix}") String directoryPrefix,
                      @Value("${server.port}") int serverPort,
                      @Value("${hub.demo.webex-invoice}") Resource webexInvoice) {
        this.period = YearMonth.parse(period);
        this.dataset = dataset;
        this.adapter = adapter;
        this.reference = reference;
        this.producer = producer;
        this.camel = camel;
        this.jdbc = jdbc;
        this.json = json;
        this.sftp = new SftpTarget(host, port, username, password, Path.of(knownHosts), directoryPrefix);
        this.baseUrl = "http://localhost:" + serverPort;
        this.webexInvoice = webexInvoice;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        Thread demo = new Thread(this::run, "hub-demo");
        demo.setDaemon(true);
        demo.start();
    }

    void run() {
        try {
            LOG.info("Demo: carriers drop their {} invoices over SFTP", period);
            List<DemoInvoices.CarrierFile> files = new DemoInvoices(reference.require().rating())
                    .files(period, legs());
            for (DemoInvoices.CarrierFile file : files) {
                SftpDropClient.drop(sftp.host(), sftp.port(), sftp.username(), sftp.password(), sftp.knownHosts(),
                        sftp.prefix() + file.carrierId() + "/inbox", file.fileName(), file.content());
                LOG.info("Demo: {} dropped {} ({} bytes)", file.carrierId(), file.fileName(), file.content().length);
            }
            awaitIngested(files);
            LOG.info("Demo: running {} end to end (extract, rate, reconcile, post to the ERP)", period);
            summarise(runClosing("direct:carrier-cpm-period"));

            LOG.info("Demo: reconciling the CXone {} usage with its invoice and posting the GL journal (the report"
                    + " takes a few status polls, 15 s apart and more)", period);
            summariseCxone(runClosing("direct:cxone-period"));

            LOG.info("Demo: allocating the {} platform bill of the Genesys and CXone tenants to business units",
                    period);
            summariseChargeback(runClosing("direct:chargeback-period"));

            LOG.info("Demo: the Webex partner invoice of {} is dropped over SFTP; the partner month is pulled from"
                    + " Webex, reconciled and its customer statements posted", period);
            byte[] invoice = webexInvoice.getContentAsByteArray();
            SftpDropClient.drop(sftp.host(), sftp.port(), sftp.username(), sftp.password(), sftp.knownHosts(),
                    sftp.prefix() + "webex/acme-partner/inbox", webexInvoice.getFilename(), invoice);
            awaitWebexInvoice(Checksums.sha256(invoice));
            summariseWebex(runClosing("direct:webex-period"));
        } catch (Exception e) {
            LOG.error("Demo failed: {}", e.toString(), e);
        }
    }

    /** Runs the demo period through a period route, asking it to post; returns the run id. */
    private String runClosing(String periodEndpoint) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(HubExchange.PERIOD, period.toString());
        exchange.setProperty(HubExchange.TRIGGER, "DEMO");
        exchange.setProperty(HubExchange.CLOSE, true);
        return producer.send(periodEndpoint, exchange).getProperty(HubExchange.RUN_ID, String.class);
    }

    private List<UsageLeg> legs() throws Exception {
        String page = json.writeValueAsString(Map.of("entities", dataset.legs(), "pageNumber", 1, "pageCount", 1));
        return adapter.parse(page, "demo", 1).legs();
    }

    private void awaitIngested(List<DemoInvoices.CarrierFile> files) throws InterruptedException {
        // wall time, not the hub clock: the clock may be pinned to a fixed instant
        long deadline = System.nanoTime() + INGEST_WAIT.toNanos();
        List<String> names = files.stream().map(DemoInvoices.CarrierFile::fileName).toList();
        while (true) {
            Integer seen = jdbc.queryForObject("select count(distinct file_name) from carrier_invoice_file"
                    + " where file_name in (:names)", new MapSqlParameterSource("names", names), Integer.class);
            if (seen != null && seen == names.size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Demo: only {} of {} carrier files were ingested in time; running the period anyway", seen,
                        names.size());
                return;
            }
            Thread.sleep(500);
        }
    }

    private void awaitWebexInvoice(String checksum) throws InterruptedException {
        long deadline = System.nanoTime() + INGEST_WAIT.toNanos();
        while (true) {
            Integer seen = jdbc.queryForObject("select count(*) from webex_invoice where checksum = :checksum",
                    new MapSqlParameterSource("checksum", checksum), Integer.class);
            if (seen != null && seen > 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                LOG.warn("Demo: the Webex invoice was not ingested in time; running the period anyway");
                return;
            }
            Thread.sleep(500);
        }
    }

    private void summariseWebex(String runId) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", runId).addValue("period", period.toString());
        Map<String, Object> run = jdbc.queryForMap("select status, records_in, records_accepted, records_rejected,"
                + " failures, totals::text as totals from pipeline_run where run_id = :id", p);
        List<Map<String, Object>> invoice = jdbc.queryForList("select invoice_number, total, line_count"
                + " from webex_invoice where period = :period", p);
        List<Map<String, Object>> statuses = jdbc.queryForList("select dimension, status, count(*) as groups,"
                + " sum(usage_amount) as usage, sum(invoice_amount) as invoiced from webex_reconciliation"
                + " where period = :period group by dimension, status order by dimension desc, status", p);
        List<Map<String, Object>> statements = jdbc.queryForList("select customer_external_id, sum(amount) as total"
                + " from webex_statement_line where period = :period and status = 'PRICED'"
                + " group by customer_external_id order by customer_external_id", p);
        List<Map<String, Object>> batches = jdbc.queryForList("select batch_id, total, line_count, status"
                + " from erp_batch where pipeline = 'webex-wholesale' and period = :period order by sequence", p);
        List<Map<String, Object>> open = jdbc.queryForList("select type, count(*) as cases from exception_item"
                + " where status <> 'RESOLVED' and pipeline = 'webex-wholesale' group by type order by type", p);
        LOG.info("""

                ================ Webex partner month {} reconciled (run {}) ================
                Run:             {}
                Invoice:         {}
                Reconciliation:  {}
                Statements:      {}
                ERP batches:     {}
                Open Webex exceptions by type: {}
                Look at:
                  Period, reconciliation  {}/api/webex/{}   (CSV: {}/api/webex/{}/reconciliation)
                  Customer statements     {}/api/webex/{}/statements   (CSV: add ?format=csv)
                  Per-user detail         {}/api/webex/{}/users
                  FOCUS export            {}/api/webex/{}/focus
                ==================================================================""",
                period, runId, run, invoice, statuses, statements, batches, open, baseUrl, period, baseUrl, period,
                baseUrl, period, baseUrl, period, baseUrl, period);
    }

    private void summariseCxone(String runId) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", runId).addValue("period", period.toString());
        Map<String, Object> run = jdbc.queryForMap("select status, records_in, records_accepted, records_rejected,"
                + " failures, totals::text as totals from pipeline_run where run_id = :id", p);
        List<Map<String, Object>> statuses = jdbc.queryForList("select status, count(*) as groups,"
                + " sum(api_amount) as usage, sum(invoice_amount) as invoiced from cxone_reconciliation_result"
                + " where period = :period group by status order by status", p);
        List<Map<String, Object>> journal = jdbc.queryForList("select batch_id, total, line_count, status"
                + " from erp_batch where pipeline = 'cxone-gl' and period = :period order by sequence", p);
        List<Map<String, Object>> open = jdbc.queryForList("select type, count(*) as cases from exception_item"
                + " where status <> 'RESOLVED' and pipeline = 'cxone-gl' group by type order by type", p);
        LOG.info("""

                ================ CXone month {} reconciled (run {}) ================
                Run:            {}
                Reconciliation: {}
                GL journal:     {}
                Open CXone exceptions by type: {}
                Look at:
                  Reconciliation        {}/api/cxone/reconciliation?period={}   (add -H 'Accept: text/csv')
                  GL aggregates         {}/api/cxone/aggregates?period={}
                  CXone exceptions      {}/api/exceptions?status=OPEN&pipeline=cxone-gl
                  Run (phases, inputs)  {}/api/runs/{}
                  GL journal file       {}erp/outbox/ on the SFTP server
                ==================================================================""",
                period, runId, run, statuses, journal, open, baseUrl, period, baseUrl, period, baseUrl, baseUrl,
                runId, sftp.prefix());
    }

    private void summariseChargeback(String runId) {
        MapSqlParameterSource p = new MapSqlParameterSource("id", runId).addValue("period", period.toString());
        Map<String, Object> run = jdbc.queryForMap("select status, records_in, records_accepted, records_rejected,"
                + " failures from pipeline_run where run_id = :id", p);
        List<Map<String, Object>> report = jdbc.queryForList("select status, multiplier_version, platform_spend,"
                + " manifest->>'totalAllocated' as allocated, manifest->>'unallocated' as unallocated,"
                + " manifest->>'variancePercent' as variance_percent, manifest->>'flaggedForReview' as flagged"
                + " from chargeback_report where period = :period", p);
        List<Map<String, Object>> units = jdbc.queryForList("select business_unit, sum(amount) as charged"
                + " from chargeback_line where period = :period group by business_unit order by business_unit", p);
        List<Map<String, Object>> batches = jdbc.queryForList("select batch_id, total, line_count, status"
                + " from erp_batch where pipeline = 'chargeback' and period = :period order by sequence", p);
        List<Map<String, Object>> open = jdbc.queryForList("select type, count(*) as cases from exception_item"
                + " where status <> 'RESOLVED' and pipeline = 'chargeback' group by type order by type", p);
        LOG.info("""

                ================ Chargeback {} allocated (run {}) ================
                Run:             {}
                Report:          {}
                Business units:  {}
                ERP batches:     {}
                Open chargeback exceptions by type: {}
                Look at:
                  Chargeback (JSON)     {}/api/chargeback/{}   (CSV: add ?format=csv)
                  Lines and lineage     {}/api/chargeback/{}/lines
                  FOCUS export          {}/api/chargeback/{}/focus
                  Overrides, chain      {}/api/chargeback/{}/overrides  {}/api/chargeback/overrides/verify
                ==================================================================""",
                period, runId, run, report, units, batches, open, baseUrl, period, baseUrl, period, baseUrl, period,
                baseUrl, period, baseUrl);
    }

    private void summarise(String runId) {
        Map<String, Object> run = jdbc.queryForMap("select status, records_in, records_accepted, records_rejected,"
                + " failures from pipeline_run where run_id = :id", new MapSqlParameterSource("id", runId));
        List<Map<String, Object>> batches = jdbc.queryForList("select batch_id, kind, total, line_count, status"
                + " from erp_batch where pipeline = 'carrier-cpm' and period = :period order by sequence",
                new MapSqlParameterSource("period", period.toString()));
        List<Map<String, Object>> open = jdbc.queryForList("select type, count(*) as cases from exception_item"
                + " where status <> 'RESOLVED' and pipeline is distinct from 'cxone-gl' group by type order by type",
                new MapSqlParameterSource());
        LOG.info("""

                ================ Demo month {} processed (run {}) ================
                Run:            {}
                ERP batches:    {}
                Open exceptions by type: {}
                Look at (as a user of hub.security.users, e.g. finance; README "Security"):
                  CPM (JSON)            {}/api/cpm?from={}&to={}
                  CPM (CSV)             {}/api/cpm?from={}&to={}&format=csv
                  Reconciliation        {}/api/reconciliation?from={}&to={}
                  Invoice totals        {}/api/reconciliation/invoices
                  Exception queue       {}/api/exceptions?status=OPEN
                  Runs                  {}/api/runs/{}
                  ERP batches (hub)     {}/api/erp/batches
                  ERP sink (received)   {}/sandbox/erp/charges
                  Health, metrics       {}/actuator/health  {}/actuator/prometheus
                ==================================================================""",
                period, runId, run, batches, open, baseUrl, period.atDay(1), period.atEndOfMonth(), baseUrl,
                period.atDay(1), period.atEndOfMonth(), baseUrl, period.atDay(1), period.atEndOfMonth(), baseUrl,
                baseUrl, baseUrl, runId, baseUrl, baseUrl, baseUrl, baseUrl);
    }
}
