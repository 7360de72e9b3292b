package io.billinghub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.embedded.EmbeddedSftpServer;
import io.billinghub.platform.Checksums;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several hub processes killed at random points (SIGKILL) against one PostgreSQL server and one SFTP server must
 * leave the ledger exactly as one uninterrupted process leaves it. Run with {@code mvn -B -Pcluster-soak verify}
 * (README "Running several nodes"); loopback addresses only, bounded by {@code soak.timeout-minutes}.
 *
 * <p>Each world has its own database on the one PostgreSQL server, its own SFTP server and its own vendor sandbox
 * and ERP sink (a hub process with no routes, so that the ERP's record outlives the nodes). The workload is the
 * demo month (carrier files dropped over SFTP, the carrier period extracted, rated, reconciled and posted, the CXone
 * month, the chargeback allocation, the Webex partner month), run by node A. The clean world has node A alone; in
 * the crash world nodes A and B share the work and are killed {@code soak.kills} times at random moments once the
 * carrier files are dropped, each restarted at once (a restarted node A starts the demo again). The fingerprints
 * of legs, ratings, invoice lines, reconciliations, GL aggregates, chargeback lines, Webex statements, ERP batches,
 * open cases and what the ERP received must be equal.
 */
class ClusterCrashSoak {

    private static final Path JAR = findJar();
    private static final Path WORK = Path.of("target", "cluster-soak").toAbsolutePath();
    private static final long SEED = Long.getLong("soak.seed", System.nanoTime());
    private static final int KILLS = Integer.getInteger("soak.kills", 4);
    private static final Duration TIMEOUT = Duration.ofMinutes(Integer.getInteger("soak.timeout-minutes", 30));
    private static final String SFTP_PASSWORD = "soak-only-password";
    private static final String DONE = "Webex partner month 2026-10 reconciled";
    private static final String FILES_DROPPED = "end to end (extract, rate, reconcile, post to the ERP)";

    private static EmbeddedPostgres postgres;
    private final List<HubProcess> processes = new ArrayList<>();

    @BeforeAll
    static void startDatabase() throws IOException {
        deleteTree(WORK);
        Files.createDirectories(WORK.resolve("no-routes"));
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @Test
    void nodesKilledAtRandomLeaveTheLedgerOfAnUninterruptedRun() throws Exception {
        Instant deadline = Instant.now().plus(TIMEOUT);
        System.out.printf("cluster soak: seed %d, %d kills (rerun with -Dsoak.seed=%d)%n", SEED, KILLS, SEED);

        Map<String, List<String>> clean = world("clean", false, deadline);
        Map<String, List<String>> crashed = world("crash", true, deadline);

        clean.forEach((what, rows) -> {
            List<String> other = crashed.get(what);
            System.out.printf("  %-24s clean %s%n  %-24s crash %s%n", what, digest(rows), "", digest(other));
            rows.stream().filter(r -> !other.contains(r)).limit(10).forEach(r -> System.out.println("    clean: " + r));
            other.stream().filter(r -> !rows.contains(r)).limit(10).forEach(r -> System.out.println("    crash: " + r));
        });
        assertThat(crashed).containsExactlyEntriesOf(clean);
    }

    /** Runs the demo month in a fresh world and returns its fingerprint. */
    private Map<String, List<String>> world(String name, boolean crash, Instant deadline) throws Exception {
        Path dir = WORK.resolve(name);
        Files.createDirectories(dir);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        int sftpPort = freePort();
        EmbeddedSftpServer sftp = new EmbeddedSftpServer("127.0.0.1", sftpPort, "hub", SFTP_PASSWORD,
                dir.resolve("sftp"), dir.resolve("host-key.pem"), dir.resolve("known_hosts"));
        sftp.start();
        try {
            HubProcess sandbox = start(new HubProcess(name + "-sandbox", dir, sandboxArgs(dir), Map.of()));
            List<String> node = nodeArgs(name, dir, sftpPort, sandbox.port);
            Map<String, String> urls = vendorUrls(sandbox.port);
            HubProcess a = start(new HubProcess(name + "-node-a", dir, with(node, "--hub.demo.enabled=true"), urls));
            HubProcess b = crash
                    ? start(new HubProcess(name + "-node-b", dir, with(node, "--hub.demo.enabled=false"), urls))
                    : null;
            a.awaitLog(FILES_DROPPED, deadline);
            if (crash) {
                Random random = new Random(SEED);
                for (int kill = 1; kill <= KILLS; kill++) {
                    TimeUnit.MILLISECONDS.sleep(2_000 + random.nextInt(30_000));
                    boolean killA = random.nextBoolean();
                    HubProcess victim = killA ? a : b;
                    System.out.printf("cluster soak: kill %d of %d: SIGKILL %s%n", kill, KILLS, victim.name);
                    victim.kill();
                    HubProcess restarted = start(victim.restart());
                    if (killA) {
                        a = restarted;
                    } else {
                        b = restarted;
                    }
                }
            }
            a.awaitLog(DONE, deadline);
            awaitQuiet(name, dir, deadline);
            Map<String, List<String>> fingerprint = fingerprint(name);
            fingerprint.put("ERP received", erpReceived(sandbox.port));
            return fingerprint;
        } finally {
            for (HubProcess process : processes) {
                process.kill();
            }
            processes.clear();
            sftp.stop();
        }
    }

    private HubProcess start(HubProcess process) throws IOException, InterruptedException {
        process.launch();
        processes.add(process);
        return process;
    }

    /** The vendor sandbox and ERP sink of a world: a hub process without routes, demo or schedules. */
    private static List<String> sandboxArgs(Path dir) {
        return List.of("--hub.demo.enabled=false", "--hub.schedule.enabled=false",
                "--hub.embedded.sftp.enabled=false",
                "--camel.main.routes-include-pattern=file:" + WORK.resolve("no-routes") + "/*.camel.yaml",
                "--hub.embedded.postgres.data-directory=" + dir.resolve("sandbox-db"),
                "--hub.reference-data.directory=" + Path.of("mappings").toAbsolutePath());
    }

    private static List<String> nodeArgs(String database, Path dir, int sftpPort, int sandboxPort) {
        String sandbox = "http://127.0.0.1:" + sandboxPort + "/sandbox";
        return List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database
                        + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=postgres",
                "--hub.embedded.sftp.enabled=false", "--hub.sftp.host=127.0.0.1", "--hub.sftp.port=" + sftpPort,
                "--hub.sftp.password=" + SFTP_PASSWORD, "--hub.sftp.known-hosts-file=" + dir.resolve("known_hosts"),
                "--hub.sftp.poll-delay-ms=500",
                "--hub.routes-directory=" + Path.of("routes").toAbsolutePath(),
                "--hub.reference-data.directory=" + Path.of("mappings").toAbsolutePath(),
                "--hub.schedule.enabled=false",
                "--hub.erp.url=" + sandbox + "/erp/charges",
                "--hub.cxone.poll-initial-delay=1s", "--hub.cxone.poll-max-delay=2s",
                "--hub.webex.poll-initial-delay=1s", "--hub.webex.poll-max-delay=2s",
                "--hub.cluster.heartbeat-interval=1s", "--hub.cluster.lease-ttl=5s",
                "--hub.cluster.run-takeover-after=5s");
    }

    /** The vendor endpoints: the tenant lists of application.yml take their URLs from these variables. */
    private static Map<String, String> vendorUrls(int sandboxPort) {
        String sandbox = "http://127.0.0.1:" + sandboxPort + "/sandbox";
        return Map.of("HUB_GENESYS_BASE_URL", sandbox + "/genesys",
                "HUB_GENESYS_TOKEN_URL", sandbox + "/genesys/oauth/token",
                "HUB_CXONE_BASE_URL", sandbox + "/cxone",
                "HUB_CXONE_TOKEN_URL", sandbox + "/cxone/oauth/token",
                "HUB_WEBEX_BASE_URL", sandbox + "/webex/v1",
                "HUB_WEBEX_TOKEN_URL", sandbox + "/webex/v1/access_token");
    }

    private static List<String> with(List<String> args, String more) {
        List<String> all = new ArrayList<>(args);
        all.add(more);
        return all;
    }

    /** No run left running (takeovers included) and every inbox empty. */
    private static void awaitQuiet(String database, Path dir, Instant deadline) throws Exception {
        while (true) {
            long running;
            try (Connection c = connect(database); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pipeline_run where status = 'RUNNING'")) {
                rs.next();
                running = rs.getLong(1);
            }
            long waiting;
            try (Stream<Path> files = Files.walk(dir.resolve("sftp"))) {
                waiting = files.filter(p -> p.getParent().getFileName().toString().equals("inbox")).count();
            }
            if (running == 0 && waiting == 0) {
                return;
            }
            check(deadline, running + " runs still running, " + waiting + " files in inboxes");
            TimeUnit.SECONDS.sleep(1);
        }
    }

    /** What the ledger holds: the rows of each table, over the columns that are the same in any run, sorted. */
    private static Map<String, List<String>> fingerprint(String database) throws Exception {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("usage legs", "select leg_id, payload_checksum from usage_leg");
        queries.put("rated legs", "select leg_id, rating_status, unrated_reason, carrier_id, destination_region,"
                + " matched_prefix, rate_per_minute, billed_seconds, cost from rated_leg");
        queries.put("carrier invoice lines", "select leg_reference, utc_day, line_no, minutes, charge"
                + " from carrier_invoice_line");
        queries.put("carrier reconciliation", "select carrier_name, utc_day, invoice_number, status, matched_lines,"
                + " charge_mismatches, minute_mismatches, missing_on_invoice, not_in_usage, internal_cost,"
                + " invoice_charge from reconciliation_result");
        queries.put("CXone usage lines", "select line_id, payload_checksum from cxone_usage_line");
        queries.put("CXone GL aggregates", "select tenant_id, period, gl_account, department, total_cost, total_tax,"
                + " gl_amount, record_count from cxone_gl_aggregate");
        queries.put("CXone reconciliation", "select tenant_id, period, feature_type, gl_account, api_amount,"
                + " invoice_amount, variance, status from cxone_reconciliation_result");
        queries.put("chargeback lines", "select period, line_no, cost_centre, business_unit, category, amount"
                + " from chargeback_line");
        queries.put("Webex statements", "select period, customer_org_id, sku, quantity, amount, status"
                + " from webex_statement_line");
        queries.put("Webex reconciliation", "select period, dimension, key, usage_amount, invoice_amount, variance,"
                + " status from webex_reconciliation");
        queries.put("ERP batches", "select batch_id, kind, idempotency_key, total, line_count, status from erp_batch");
        queries.put("ERP batch lines", "select batch_id, line_no, amount from erp_batch_line");
        queries.put("open cases", "select type, dedupe_key, source, source_position, reason"
                + " from exception_item where status <> 'RESOLVED'");
        Map<String, List<String>> fingerprint = new LinkedHashMap<>();
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("select t::text from (" + query.getValue() + ") t order by 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                fingerprint.put(query.getKey(), rows);
            }
        }
        return fingerprint;
    }

    /** Every charge the ERP sink accepted: key and payload digest (a double post would be a second key). */
    private static List<String> erpReceived(int sandboxPort) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + sandboxPort + "/sandbox/erp/charges")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> charges = new ArrayList<>();
        for (JsonNode charge : new ObjectMapper().readTree(response.body())) {
            // when and by which run a batch was made differs between any two runs; its content must not
            JsonNode payload = charge.path("payload");
            if (payload instanceof ObjectNode fields) {
                fields.remove(List.of("createdAt", "runId"));
            }
            charges.add(charge.path("idempotencyKey").asText() + " " + Checksums.sha256(payload.toString()));
        }
        charges.sort(null);
        return charges;
    }

    private static String digest(List<String> rows) {
        return rows.size() + " rows, sha-256 " + Checksums.sha256(String.join("\n", rows)).substring(0, 16);
    }

    private static Connection connect(String database) throws Exception {
        return postgres.getDatabase("postgres", database).getConnection();
    }

    private static void check(Instant deadline, String waitingFor) {
        if (Instant.now().isAfter(deadline)) {
            throw new AssertionError("soak timed out (" + TIMEOUT + ") waiting: " + waitingFor);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path findJar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("billing-hub-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hub jar in target/: run through mvn verify"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((x, y) -> y.getNameCount() - x.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** One hub JVM (512 MB heap), its output in {@code <name>.log}. */
    private static final class HubProcess {
        private final String name;
        private final Path dir;
        private final List<String> args;
        private final Map<String, String> env;
        private final int port;
        private final Path log;
        private Process process;
        private int generation;

        HubProcess(String name, Path dir, List<String> args, Map<String, String> env) throws IOException {
            this(name, dir, args, env, freePort(), 0);
        }

        private HubProcess(String name, Path dir, List<String> args, Map<String, String> env, int port,
                           int generation) {
            this.name = name;
            this.dir = dir;
            this.args = args;
            this.env = env;
            this.port = port;
            this.generation = generation;
            this.log = dir.resolve(name + "-" + generation + ".log");
        }

        void launch() throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx512m", "-jar", JAR.toAbsolutePath().toString(), "--server.port=" + port,
                    "--server.address=127.0.0.1"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            process = builder.start();
            awaitLog("Started BillingHubApplication", Instant.now().plus(Duration.ofMinutes(3)));
        }

        /** The same node started again after a kill: a new process, so a new node id. */
        HubProcess restart() {
            return new HubProcess(name, dir, args, env, port, generation + 1);
        }

        void kill() {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        void awaitLog(String text, Instant deadline) throws IOException, InterruptedException {
            while (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited (" + process.exitValue() + "); see " + log);
                }
                check(deadline, name + ": \"" + text + "\" in " + log);
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }
}
