package io.billinghub.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.billinghub.embedded.EmbeddedSftpServer;
import io.billinghub.sandbox.ErpLedger;
import io.billinghub.sandbox.FaultBurst;
import io.billinghub.sandbox.VendorBursts;
import io.billinghub.sandbox.cxone.CxoneTokens;
import io.billinghub.support.HubIntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every dependency of every pipeline failing the ways real ones do: the ERP out, answering too late or out for
 * longer than the retries; the vendor APIs in 429 storms and 5xx outages, cutting a page short, revoking tokens
 * between pages, leaving a report in processing; the database restarting and the SFTP server dropping a download.
 * Each test injects one fault into one pipeline and asserts how it ends: the complete dataset of an undisturbed run,
 * posted to the ERP once, or a clear failure (a case, nothing marked complete, nothing posted) that a replay or a
 * re-run completes with the same figures. Each test also records its row of the README table "Dependency faults
 * tried", which {@link #readmeTableIsCurrent()} compares with README.md.
 *
 * <p>The figures of an undisturbed October, worked out by hand in the end-to-end tests:
 * <ul>
 *   <li>carrier CPM (CarrierCpmEndToEndTest): 31 daily windows, 10 legs on the 15th and 1 on the 16th, 7 of them
 *       rated for 0.0088 + 0.0066 + 0.0240 + 0.0600 + 0.0094 + 0.0017 + 0.0120 = 0.1225, posted as 0.12 under
 *       billing-hub/carrier-cpm/2026-10/1;</li>
 *   <li>CXone GL (CxoneEndToEndTest): 10 report lines in the New York month, a journal of 110.00 - 95.00 + 27.31 +
 *       79.29 + 3.00 = 124.60;</li>
 *   <li>chargeback (README, the sandbox's generated organisation): 119 Genesys and 59 CXone users, 3,561 Genesys
 *       queue conversations, platform bills of 8,102.76 and 3,631.51 allocated to the cent: 11,734.27;</li>
 *   <li>Webex wholesale (WebexWholesalePipelineTest): 6 reports (USER, CUSTOMER, PARTNER of the partner and its
 *       sub-partner), statements C1-EXT 28.06 and C2-EXT 8.93 = 36.99.</li>
 * </ul>
 */
class DependencyFaultsTest extends HubIntegrationTest {

    /** A pipeline under fault: its run, its ERP batch, and the figures of its complete dataset. */
    enum Pipeline {
        CARRIER_CPM("carrier CPM", "carrier-cpm", "carrier-cpm-period", "0.12",
                "31 windows, 11 legs, 7 rated for 0.1225", "(page 1 of 2026-10-15"),
        CXONE_GL("CXone GL", "cxone-gl", "cxone-period", "124.60", "10 lines, 124.60 to the GL", "data page 1"),
        CHARGEBACK("business-unit chargeback", "chargeback", "chargeback-period", "11734.27",
                "178 users, 3561 Genesys conversations, 11734.27 allocated", "genesys CONVERSATIONS page 1"),
        WEBEX_WHOLESALE("Webex wholesale", "webex-wholesale", "webex-period", "36.99",
                "6 reports, 2 statements for 36.99", "Webex report list page 1");

        final String label;
        final String id;
        final String route;
        final String posted;
        final String dataset;
        /** A vendor call in the middle of the extraction's paging, after which a fault is injected. */
        final String midPaging;

        Pipeline(String label, String id, String route, String posted, String dataset, String midPaging) {
            this.label = label;
            this.id = id;
            this.route = route;
            this.posted = posted;
            this.dataset = dataset;
            this.midPaging = midPaging;
        }

        String idempotencyKey() {
            return "billing-hub/" + id + "/2026-10/1";
        }
    }

    /** The faults tried, in the README table's order, with the pipelines each is tried on. */
    enum Fault {
        ERP_OUTAGE("ERP answers 503 for a while"),
        ERP_ANSWER_LOST("ERP times out after storing the charge"),
        ERP_RETRIES_EXHAUSTED("ERP down for longer than the retries"),
        VENDOR_STORM("vendor 429 storm mid-paging"),
        VENDOR_OUTAGE("vendor 503s mid-paging"),
        TRUNCATED_PAGE("vendor page cut in the middle, 200 OK"),
        TOKENS_REVOKED("access tokens revoked between two pages"),
        REPORT_STUCK("report stuck in processing past the timeout"),
        DATABASE_RESTART("database restart mid-run"),
        SFTP_DROP("SFTP server drops the connection mid-download");

        final String label;

        Fault(String label) {
            this.label = label;
        }

        List<String> pipelines() {
            return switch (this) {
                case REPORT_STUCK -> List.of(Pipeline.CXONE_GL.label, Pipeline.WEBEX_WHOLESALE.label);
                case SFTP_DROP -> List.of(CARRIER_FILES);
                default -> List.of(Pipeline.values()).stream().map(p -> p.label).toList();
            };
        }
    }

    private static final String CARRIER_FILES = "carrier invoice files";

    @Autowired
    private CxoneTokens cxoneTokens;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private EmbeddedSftpServer sftpServer;

    private final List<CallHook> hooks = new ArrayList<>();

    @AfterEach
    void removeHooks() {
        hooks.forEach(hook -> camel.getManagementStrategy().removeEventNotifier(hook));
        hooks.clear();
        sftpServer.droppedDownloads().reset();
    }

    @AfterAll
    static void readmeTableIsCurrent() {
        List<String> order = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            fault.pipelines().forEach(pipeline -> order.add(FaultTable.key(fault.label, pipeline)));
        }
        FaultTable.verify(order);
    }

    // ------------------------------------------------------------------------------------------------- the ERP

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void anErpOutageShorterThanTheRetriesPostsOnce(Pipeline pipeline) throws Exception {
        // 3 posts refused (the sink's start-up 503 is the first of them), the 4th stored; 5 retries would allow 5
        sandboxFaults.erpOutage(3);

        String runId = run(pipeline);

        assertComplete(pipeline, runId);
        assertThat(sandboxFaults.erpPosts()).isEqualTo(4);
        record(Fault.ERP_OUTAGE, pipeline, sandboxFaults.erpOutage().served() + " × 503",
                "posted once after it: " + pipeline.posted + ", batch POSTED");
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void anErpAnswerLostAfterTheChargeWasStoredIsNotPostedTwice(Pipeline pipeline) throws Exception {
        sandboxFaults.lostErpAnswers().arm(1);

        String runId = run(pipeline);

        assertComplete(pipeline, runId);
        // post 1: the start-up 503; post 2: stored, answer lost (504); post 3: the same key, answered 200 duplicate
        assertThat(sandboxFaults.erpPosts()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select response_status from erp_batch", Integer.class)).isEqualTo(200);
        record(Fault.ERP_ANSWER_LOST, pipeline, sandboxFaults.lostErpAnswers().served() + " × 504 after storing",
                "the retry's Idempotency-Key is a duplicate to the ERP: " + pipeline.posted + " once, batch POSTED");
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void anErpDownForLongerThanTheRetriesIsACaseWhoseReplayPostsOnce(Pipeline pipeline) throws Exception {
        // the first try and its 5 retries
        sandboxFaults.erpOutage(6);

        String runId = run(pipeline);

        assertThat(status(runId)).isEqualTo("COMPLETED_WITH_FAILURES");
        assertThat(jdbc.queryForObject("select status from erp_batch", String.class)).isEqualTo("PENDING");
        assertThat(erpLedger.charges()).isEmpty();
        long caseId = openCase("ERP_POST_FAILED");
        assertThat(jdbc.queryForObject("select reason from exception_item where id = ?", String.class, caseId))
                .contains("HTTP 503");

        assertThat(replay(caseId).path("succeeded").asBoolean()).isTrue();
        assertPostedOnce(pipeline);
        // a resolved case cannot be replayed again: nothing more reaches the ERP
        assertThat(post("/api/exceptions/" + caseId + "/replay", "{}").statusCode()).isEqualTo(409);
        assertThat(erpLedger.charges()).hasSize(1);
        record(Fault.ERP_RETRIES_EXHAUSTED, pipeline, sandboxFaults.erpOutage().served() + " × 503",
                "batch PENDING and an ERP_POST_FAILED case; its replay posts " + pipeline.posted
                        + " once, a second replay is refused");
    }

    // ------------------------------------------------------------------------------------------------- vendors

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aVendorRateLimitStormMidPagingEndsComplete(Pipeline pipeline) throws Exception {
        // 6 in a row, within the 8 retries a 429 gets (the sandboxes' periodic 429s and 503s come on top)
        burstMidPaging(pipeline, bursts(pipeline).storm(), 6, Fault.VENDOR_STORM, "429");
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aVendorOutageMidPagingEndsComplete(Pipeline pipeline) throws Exception {
        // 4 in a row, within the 5 retries a 5xx gets
        burstMidPaging(pipeline, bursts(pipeline).outage(), 4, Fault.VENDOR_OUTAGE, "503");
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aPageCutInTheMiddleFailsItsUnitClearlyAndAReplayCompletesIt(Pipeline pipeline) throws Exception {
        FaultBurst truncated = bursts(pipeline).truncatedPages();
        after(pipeline.midPaging, () -> truncated.arm(1));

        String runId = run(pipeline);

        assertThat(truncated.served()).isEqualTo(1);
        // the unit that read the cut page failed with the parser's reason; nothing incomplete is marked complete,
        // and nothing is posted
        assertThat(status(runId)).isEqualTo(pipeline == Pipeline.CARRIER_CPM ? "COMPLETED_WITH_FAILURES" : "FAILED");
        long caseId = openCase("DEAD_LETTER");
        assertThat(jdbc.queryForObject("select reason from exception_item where id = ?", String.class, caseId))
                .contains("Unexpected end-of-input");
        assertThat(incompleteUnitsMarkedComplete(pipeline)).isZero();
        assertThat(completeUnits(pipeline)).isEqualTo(unitsOf(pipeline) - 1);
        assertThat(erpLedger.charges()).isEmpty();

        assertThat(replay(caseId).path("succeeded").asBoolean()).isTrue();
        assertThat(completeUnits(pipeline)).isEqualTo(unitsOf(pipeline));
        String again = run(pipeline);
        assertComplete(pipeline, again);
        record(Fault.TRUNCATED_PAGE, pipeline, truncated.served() + " page", "its " + unitName(pipeline)
                + " fails with a case (end-of-input), nothing marked complete or posted; replay and re-run: "
                + pipeline.dataset + "; " + pipeline.posted + " posted once");
    }

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void tokensRevokedBetweenTwoPagesAreRenewedAndTheRunCompletes(Pipeline pipeline) throws Exception {
        after(pipeline.midPaging, () -> revokeTokens(pipeline));

        String runId = run(pipeline);

        assertThat(hooks.get(0).fired()).isTrue();
        assertComplete(pipeline, runId);
        record(Fault.TOKENS_REVOKED, pipeline, "every token, once", "401, a new token, complete: "
                + pipeline.dataset + "; " + pipeline.posted + " posted once");
    }

    @Test
    void aCxoneReportStuckInProcessingEndsTheRunAndAReplayResumesIt() throws Exception {
        cxoneReports.behave(Integer.MAX_VALUE, false);

        String runId = run(Pipeline.CXONE_GL);

        assertThat(status(runId)).isEqualTo("FAILED");
        long caseId = openCase("CXONE_REPORT_TIMEOUT");
        assertThat(completeUnits(Pipeline.CXONE_GL)).isZero();
        assertThat(erpLedger.charges()).isEmpty();

        cxoneReports.behave(0, false);
        assertThat(replay(caseId).path("succeeded").asBoolean()).isTrue();
        // the same report, polled again rather than requested twice
        assertThat(cxoneReports.size()).isEqualTo(1);
        assertComplete(Pipeline.CXONE_GL, run(Pipeline.CXONE_GL));
        record(Fault.REPORT_STUCK, Pipeline.CXONE_GL, "1 report PROCESSING past 45 min",
                "run FAILED with a CXONE_REPORT_TIMEOUT case, nothing posted; replay resumes the same report, re-run: "
                        + Pipeline.CXONE_GL.dataset + "; " + Pipeline.CXONE_GL.posted + " posted once");
    }

    @Test
    void aWebexReportStuckInProgressEndsTheRunAndAReplayResumesIt() throws Exception {
        webexSandbox.reports().stickNextReports(1);

        String runId = run(Pipeline.WEBEX_WHOLESALE);

        assertThat(status(runId)).isEqualTo("FAILED");
        long caseId = openCase("WEBEX_REPORT_FAILED");
        assertThat(jdbc.queryForObject("select reason from exception_item where id = ?", String.class, caseId))
                .contains("is still IN_PROGRESS after 60 minutes");
        assertThat(completeUnits(Pipeline.WEBEX_WHOLESALE)).isEqualTo(5);
        assertThat(erpLedger.charges()).isEmpty();

        webexSandbox.reports().releaseStuck();
        assertThat(replay(caseId).path("succeeded").asBoolean()).isTrue();
        // the stuck report was awaited again, not created a second time: one report per level and scope
        assertThat(webexSandbox.reports().size()).isEqualTo(6);
        assertComplete(Pipeline.WEBEX_WHOLESALE, run(Pipeline.WEBEX_WHOLESALE));
        record(Fault.REPORT_STUCK, Pipeline.WEBEX_WHOLESALE, "1 report IN_PROGRESS past 60 min",
                "run FAILED with a WEBEX_REPORT_FAILED case, nothing billed; replay resumes the same report, re-run: "
                        + Pipeline.WEBEX_WHOLESALE.dataset + "; " + Pipeline.WEBEX_WHOLESALE.posted + " posted once");
    }

    // -------------------------------------------------------------------------------------- database and SFTP

    @ParameterizedTest
    @EnumSource(Pipeline.class)
    void aDatabaseRestartMidRunNeverLeavesPartialDataMarkedComplete(Pipeline pipeline) throws Exception {
        int[] terminated = new int[1];
        if (pipeline == Pipeline.CHARGEBACK) {
            // between the two tenants' snapshots: mid-paging, the first statement to fail would be a JDBC batch,
            // whose driver (pgjdbc) trips an internal assert on a closed connection where the tests run with -ea
            after("direct://chargeback-extract", "", () -> terminated[0] = terminateEveryOtherConnection());
        } else {
            after(pipeline.midPaging, () -> terminated[0] = terminateEveryOtherConnection());
        }

        String runId = run(pipeline);

        assertThat(terminated[0]).isPositive();
        // the step whose connection broke is retried on a new one: nothing is lost, nothing done twice
        assertComplete(pipeline, runId);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where type = 'DEAD_LETTER'",
                Long.class)).isZero();
        record(Fault.DATABASE_RESTART, pipeline, "every connection terminated once", "the step that lost its"
                + " connection is retried on a new one, complete: " + pipeline.dataset + "; " + pipeline.posted
                + " posted once");
    }

    @Test
    void anSftpDownloadCutMidFileLeavesTheFileToBeReadWholeOnce() throws Exception {
        // 2,000 lines of 1.1 minutes at 0.0880 (about 160 KB, several SFTP reads): 2,000 × 0.0880 = 176.00
        StringBuilder csv = new StringBuilder("record_type,invoice_number,leg_reference,destination_number,"
                + "start_time,minutes,charge\n");
        for (int line = 1; line <= 2000; line++) {
            csv.append(String.format("LINE,BW-BIG-2026-10,leg-big-%04d,+14155550101,2026-10-15T08:00:00,1.1,0.0880%n",
                    line));
        }
        csv.append("TOTAL,BW-BIG-2026-10,,,,,176.00\n");
        sftpServer.droppedDownloads().arm(1);
        NotifyBuilder taken = new NotifyBuilder(camel).fromRoute("carrier-invoices-bandwidth").whenDone(1).create();

        drop("bandwidth", "bw-big-2026-10.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(taken.matches(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sftpServer.droppedDownloads().served()).isEqualTo(1);
        assertThat(jdbc.queryForList("select status || ' ' || (completed_at is not null) from carrier_invoice_file",
                String.class)).containsExactly("ACCEPTED true");
        assertThat(count("select count(*) from carrier_invoice_line")).isEqualTo(2000L);
        assertThat(jdbc.queryForObject("select sum(charge) from carrier_invoice_line", BigDecimal.class))
                .isEqualByComparingTo("176.00");
        assertThat(jdbc.queryForObject("select count(*) from exception_item", Long.class)).isZero();
        assertThat(filesIn("bandwidth/done")).isEqualTo(1L);
        assertThat(filesIn("bandwidth/inbox")).isZero();
        record(Fault.SFTP_DROP, CARRIER_FILES, sftpServer.droppedDownloads().served() + " download cut after its"
                + " first read", "the file stays in the inbox; the next poll ingests it once: 2000 lines, 176.00");
    }

    // ------------------------------------------------------------------------------------------------- support

    private String run(Pipeline pipeline) throws Exception {
        return runOctober(pipeline.id, pipeline.route, true);
    }

    private String status(String runId) {
        return jdbc.queryForObject("select status from pipeline_run where run_id = ?", String.class, runId);
    }

    private void after(String call, Runnable action) {
        after(CallHook.VENDOR_CALL, call, action);
    }

    private void after(String endpoint, String call, Runnable action) {
        CallHook hook = new CallHook(endpoint, call, action);
        ServiceHelper.startService(hook);
        camel.getManagementStrategy().addEventNotifier(hook);
        hooks.add(hook);
    }

    private long openCase(String type) {
        List<Long> ids = jdbc.queryForList("select id from exception_item where status = 'OPEN' and type = ?",
                Long.class, type);
        assertThat(ids).as("open " + type + " cases").hasSize(1);
        return ids.get(0);
    }

    private JsonNode replay(long caseId) throws Exception {
        return json.readTree(post("/api/exceptions/" + caseId + "/replay", "{\"by\":\"ops\"}").body());
    }

    /** The run succeeded with the undisturbed run's figures, and its ERP batch reached the ERP exactly once. */
    private void assertComplete(Pipeline pipeline, String runId) throws Exception {
        assertThat(status(runId)).as("run %s (%s; open cases %s)", runId, jdbc.queryForObject("select error from"
                + " pipeline_run where run_id = ?", String.class, runId), jdbc.queryForList("select type || ': ' ||"
                + " reason from exception_item where status = 'OPEN' and type like '%FAIL%' or type like 'DEAD%'",
                String.class)).isEqualTo("SUCCEEDED");
        assertThat(incompleteUnitsMarkedComplete(pipeline)).isZero();
        assertThat(dataset(pipeline)).isEqualTo(pipeline.dataset);
        assertPostedOnce(pipeline);
    }

    private void assertPostedOnce(Pipeline pipeline) throws Exception {
        List<ErpLedger.Charge> charges = erpLedger.charges();
        assertThat(charges).hasSize(1);
        assertThat(charges.get(0).idempotencyKey()).isEqualTo(pipeline.idempotencyKey());
        assertThat(json.readTree(charges.get(0).payload()).path("total").asText()).isEqualTo(pipeline.posted);
        assertThat(jdbc.queryForList("select status from erp_batch", String.class)).containsExactly("POSTED");
    }

    /** The figures of the pipeline's dataset as the hub holds it, in the words of {@link Pipeline#dataset}. */
    private String dataset(Pipeline pipeline) throws Exception {
        return switch (pipeline) {
            case CARRIER_CPM -> {
                Map<String, Object> rated = jdbc.queryForMap("select count(*) as legs, sum(cost) as cost"
                        + " from rated_leg where rating_status = 'RATED'");
                yield count("select count(*) from extraction_window") + " windows, "
                        + count("select count(*) from usage_leg") + " legs, " + rated.get("legs") + " rated for "
                        + plain((BigDecimal) rated.get("cost"));
            }
            case CXONE_GL -> jdbc.queryForObject("select lines from cxone_extraction order by id desc limit 1",
                    Integer.class) + " lines, " + money(jdbc.queryForObject("select sum(gl_amount)"
                    + " from cxone_normalised_line where period = '2026-10'", BigDecimal.class)) + " to the GL";
            case CHARGEBACK -> {
                String latest = " from org_record r where r.extraction_id in (select distinct on (vendor)"
                        + " extraction_id from org_extraction where status = 'COMPLETE'"
                        + " order by vendor, completed_at desc)";
                JsonNode manifest = json.readTree(get("/api/chargeback/2026-10").body()).path("manifest");
                yield count("select count(*)" + latest + " and r.resource = 'USERS'") + " users, "
                        + count("select count(*)" + latest + " and r.resource = 'CONVERSATIONS'"
                        + " and r.extraction_id like '%/genesys/%'") + " Genesys conversations, "
                        + money(manifest.path("totalCharged").decimalValue()) + " allocated";
            }
            case WEBEX_WHOLESALE -> {
                BigDecimal total = BigDecimal.ZERO;
                JsonNode statements = json.readTree(get("/api/webex/2026-10/statements").body());
                for (JsonNode statement : statements) {
                    total = total.add(statement.path("total").decimalValue());
                }
                yield count("select count(distinct (scope_org_id, report_type)) from webex_extraction") + " reports, "
                        + statements.size() + " statements for " + money(total);
            }
        };
    }

    /** The units an October run extracts: windows, reports, organisation snapshots. */
    private static int unitsOf(Pipeline pipeline) {
        return switch (pipeline) {
            case CARRIER_CPM -> 31;
            case CXONE_GL -> 1;
            case CHARGEBACK -> 2;
            case WEBEX_WHOLESALE -> 6;
        };
    }

    private static String unitName(Pipeline pipeline) {
        return switch (pipeline) {
            case CARRIER_CPM -> "window (2026-10-15)";
            case CXONE_GL -> "report extraction";
            case CHARGEBACK -> "organisation snapshot (genesys)";
            case WEBEX_WHOLESALE -> "report";
        };
    }

    /** The units recorded as completely extracted. */
    private long completeUnits(Pipeline pipeline) {
        return switch (pipeline) {
            case CARRIER_CPM -> count("select count(*) from extraction_window");
            case CXONE_GL -> count("select count(*) from cxone_extraction");
            case CHARGEBACK -> count("select count(distinct vendor) from org_extraction where status = 'COMPLETE'");
            case WEBEX_WHOLESALE -> count("select count(distinct (scope_org_id, report_type)) from webex_extraction");
        };
    }

    /**
     * Units recorded as complete whose recorded figures are not what is staged for them: a window whose checksum
     * is not that of its staged legs, an extraction or snapshot whose count is not that of its staged records.
     */
    private long incompleteUnitsMarkedComplete(Pipeline pipeline) {
        return switch (pipeline) {
            case CARRIER_CPM -> count("""
                    select count(*) from extraction_window w where w.checksum <> (
                        select encode(sha256(convert_to(coalesce(string_agg(l.leg_id || ':' || l.payload_checksum,
                            ',' order by l.leg_id), ''), 'UTF8')), 'hex')
                        from usage_leg l where l.tenant_id = w.tenant_id and l.start_time >= w.window_start
                          and l.start_time < w.window_end)""");
            case CXONE_GL -> count("""
                    select count(*) from cxone_extraction e where e.lines <> (
                        select count(*) from cxone_usage_line l where l.report_id = e.report_id)""");
            case CHARGEBACK -> count("""
                    select count(*) from org_extraction e where e.status = 'COMPLETE' and e.accepted <> (
                        select count(*) from org_record r where r.extraction_id = e.extraction_id)""");
            case WEBEX_WHOLESALE -> count("""
                    select count(*) from webex_extraction e where e.accepted <> (
                        select count(*) from webex_report_row r where r.report_id = e.report_id)""");
        };
    }

    private void burstMidPaging(Pipeline pipeline, FaultBurst burst, int size, Fault fault, String status)
            throws Exception {
        after(pipeline.midPaging, () -> burst.arm(size));

        String runId = run(pipeline);

        assertThat(burst.served()).isEqualTo(size);
        assertComplete(pipeline, runId);
        record(fault, pipeline, burst.served() + " × " + status + " in a row", "complete: " + pipeline.dataset + "; "
                + pipeline.posted + " posted once");
    }

    /** The vendor sandbox the pipeline extracts from (the chargeback: its Genesys organisation). */
    private VendorBursts bursts(Pipeline pipeline) {
        return switch (pipeline) {
            case CARRIER_CPM, CHARGEBACK -> sandboxFaults.usage();
            case CXONE_GL -> cxoneFaults.bursts();
            case WEBEX_WHOLESALE -> webexSandbox.faults().bursts();
        };
    }

    private void revokeTokens(Pipeline pipeline) {
        switch (pipeline) {
            case CARRIER_CPM, CHARGEBACK -> sandboxTokens.reset();
            case CXONE_GL -> cxoneTokens.reset();
            case WEBEX_WHOLESALE -> webexSandbox.tokens().reset();
        }
    }

    /** What a database restart does to the hub: every connection but the one asking is terminated. */
    private int terminateEveryOtherConnection() {
        HikariDataSource pool;
        try {
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Properties login = new Properties();
        login.setProperty("user", pool.getUsername());
        if (pool.getPassword() != null) {
            login.setProperty("password", pool.getPassword());
        }
        // a connection of its own, outside the hub's pool, like an administrator's
        try (Connection admin = DriverManager.getConnection(pool.getJdbcUrl(), login);
             Statement statement = admin.createStatement();
             ResultSet terminated = statement.executeQuery("""
                     select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
                     where pid <> pg_backend_pid() and datname = current_database()) t""")) {
            terminated.next();
            return terminated.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the hub's connections", e);
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static void record(Fault fault, Pipeline pipeline, String injected, String outcome) {
        record(fault, pipeline.label, injected, outcome);
    }

    private static void record(Fault fault, String pipeline, String injected, String outcome) {
        FaultTable.record(fault.label, pipeline, injected, outcome);
    }
}
