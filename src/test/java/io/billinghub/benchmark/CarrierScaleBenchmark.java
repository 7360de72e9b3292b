package io.billinghub.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.BillingHubApplication;
import io.billinghub.rating.RatingReference;
import io.billinghub.referencedata.ActiveTelephonyReference;
import io.billinghub.support.ReadmeSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The carrier-scale benchmark (README "Performance at carrier scale"): {@code mvn -B -Pbenchmark verify}. For each
 * size (default 1M, 3M and 10M legs) it generates the month, starts the hub on embedded PostgreSQL and SFTP in this
 * JVM (512 MB heap, set by the profile) and measures, one after the other:
 * <ul>
 *   <li>(a) the hub's rating + CPM aggregation of the legs file, and DuckDB doing the same in SQL;</li>
 *   <li>(b) PostgreSQL COPY + rating, persistence and aggregation in SQL, and the hub's full path (files dropped
 *       on SFTP → staged and rated at leg level in PostgreSQL → CPM → invoices ingested and reconciled).</li>
 * </ul>
 * It fails when the contenders' totals differ by a micro-unit on any carrier × region × day, or when the hub's
 * reconciliation does not find exactly the discrepancies the generator planted. The targets are reported, not
 * asserted: absolute speed belongs to the machine.
 */
class CarrierScaleBenchmark {

    private static final String SECTION = "benchmark-table";

    record Point(long legs, List<Meter.Measure> measures, DailyTotals totals, HubFullPath.Result hub,
                 BenchmarkData.Expected expected, PostgresCopyBaseline.Result pg) {

        Meter.Measure get(String name) {
            return measures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }
    }

    static final String HUB_A = "hub rating + CPM";
    static final String DUCKDB = "DuckDB SQL";
    static final String PG = "PostgreSQL COPY + SQL";
    static final String HUB_B = "hub full path";
    private static final long WARM_UP_LEGS = 200_000;

    @Test
    void carrierScale() throws Exception {
        List<Long> sizes = Stream.of(System.getProperty("bench.legs", "1000000,3000000,10000000").split(","))
                .map(String::trim).map(Long::parseLong).toList();
        long seed = Long.getLong("bench.seed", 20_261_123L);
        Path root = Path.of(System.getProperty("bench.dir", "target/benchmark")).toAbsolutePath();
        List<Point> points = new ArrayList<>();
        for (long legs : sizes) {
            points.add(point(root.resolve("legs-" + legs), legs, seed));
        }
        List<String> report = report(points, seed);
        report.forEach(System.out::println);
        Files.write(root.resolve("results.md"), report);
        if (Boolean.getBoolean(ReadmeSection.UPDATE_PROPERTY)) {
            ReadmeSection.of(SECTION).verify(report);
        }
        for (Point point : points) {
            assertThat(point.hub().failedRuns()).as("runs that did not succeed").isEmpty();
            BenchmarkData.Expected e = point.expected();
            assertThat(point.hub().openCases()).as("open cases at " + point.legs() + " legs")
                    .containsEntry("RECON_CHARGE_DELTA", e.chargeDeltas())
                    .containsEntry("RECON_NOT_IN_USAGE", e.extra())
                    .containsEntry("RECON_MISSING_ON_INVOICE", e.missing())
                    .containsEntry("UNRATED_LEG", e.unratable())
                    .doesNotContainKey("RECON_INVOICE_TOTAL_MISMATCH");
            assertThat(point.pg().discrepancies()).as("PostgreSQL's discrepancies at " + point.legs())
                    .isEqualTo(Map.of("RECON_CHARGE_DELTA", e.chargeDeltas(), "RECON_NOT_IN_USAGE", e.extra(),
                            "RECON_MISSING_ON_INVOICE", e.missing()));
        }
    }

    private Point point(Path dir, long legs, long seed) throws Exception {
        BenchmarkData.delete(dir);
        long started = System.nanoTime();
        BenchmarkData data = BenchmarkData.generate(dir.resolve("data"), legs, seed, Path.of("mappings"));
        System.out.printf(Locale.ROOT, "%,d legs generated in %.1f s: %s%n", legs,
                (System.nanoTime() - started) / 1e9, data.expected);
        Path sftpRoot = dir.resolve("sftp");
        List<Meter.Measure> measures = new ArrayList<>();
        warmUpFullPath(dir.resolve("warm-up-hub"), seed);
        try (ConfigurableApplicationContext hub = start(dir, data, sftpRoot)) {
            var reference = hub.getBean(ActiveTelephonyReference.class).require().rating();
            int chunk = hub.getEnvironment().getProperty("hub.usage-files.chunk-size", Integer.class, 10_000);
            warmUp(dir.resolve("warm-up"), seed, reference, chunk);
            DailyTotals engine = Meter.measure(HUB_A, legs, () -> HubEngine.rate(data.legsFile, reference, chunk),
                    measures);
            DailyTotals duck = Meter.measure(DUCKDB, legs, () -> DuckDbBaseline.rate(data), measures);
            DataSource dataSource = hub.getBean(DataSource.class);
            PostgresCopyBaseline.Result pg = Meter.measure(PG, legs, () -> PostgresCopyBaseline.run(dataSource, data),
                    measures);
            PostgresCopyBaseline.drop(dataSource);
            HubFullPath.prepare(data, sftpRoot);
            HubFullPath.Result timed = Meter.measure(HUB_B, legs, () -> HubFullPath.run(hub, data, sftpRoot),
                    measures);
            HubFullPath.Result full = HubFullPath.inspect(hub, timed);
            assertThat(duck.differences(engine)).as("DuckDB vs hub rating at " + legs).isEmpty();
            assertThat(pg.totals().differences(engine)).as("PostgreSQL vs hub rating at " + legs).isEmpty();
            assertThat(full.totals().differences(engine)).as("hub stored legs vs hub rating at " + legs).isEmpty();
            measures.forEach(m -> System.out.printf(Locale.ROOT, "  %-24s %8.1f s %,12.0f legs/s  heap %s  rss %s%n",
                    m.name(), m.seconds(), m.legsPerSecond(), mb(m.peakHeap()), mb(m.peakRss())));
            System.out.printf(Locale.ROOT, "  PostgreSQL: legs part %.1f s, discrepancies %s%n", pg.legsSeconds(),
                    pg.discrepancies());
            System.out.println("  open cases " + full.openCases() + ", CPM rows " + full.cpmRows());
            full.phases().forEach(phase -> System.out.println("    " + phase));
            return new Point(legs, measures, engine, full, data.expected, pg);
        } finally {
            BenchmarkData.delete(dir.resolve("data"));
            BenchmarkData.delete(sftpRoot);
        }
    }

    /**
     * A running hub has compiled its rating path long before a month's file arrives, and a DuckDB process has loaded
     * its library: each contender of (a) first runs once, untimed, over a small month of the same cards, so that the
     * timed run measures throughput and not the JIT compiler (on 2 cores it took seconds of the 1M run).
     */
    private static void warmUp(Path dir, long seed, RatingReference reference, int chunk) throws Exception {
        BenchmarkData small = BenchmarkData.generate(dir, WARM_UP_LEGS, seed, Path.of("mappings"));
        try {
            HubEngine.rate(small.legsFile, reference, chunk);
            DuckDbBaseline.rate(small);
        } finally {
            BenchmarkData.delete(dir);
        }
    }

    /**
     * Likewise, a running hub has taken files all day before a month's arrive: its full path first runs once, untimed,
     * over a small month in a hub of its own (its own database and inboxes, closed before the timed hub starts), so
     * that the timed run meets compiled intake, staging, invoice and reconciliation code, as in production.
     */
    private static void warmUpFullPath(Path dir, long seed) throws Exception {
        BenchmarkData small = BenchmarkData.generate(dir.resolve("data"), WARM_UP_LEGS, seed, Path.of("mappings"));
        Path sftpRoot = dir.resolve("sftp");
        try (ConfigurableApplicationContext hub = start(dir, small, sftpRoot)) {
            HubFullPath.prepare(small, sftpRoot);
            HubFullPath.run(hub, small, sftpRoot);
        } finally {
            BenchmarkData.delete(dir);
        }
    }

    private static ConfigurableApplicationContext start(Path dir, BenchmarkData data, Path sftpRoot)
            throws IOException {
        Path routes = dir.resolve("routes");
        Files.createDirectories(routes);
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        // the fifth carrier of the generated month has an inbox of its own, as a real one would get
        Files.writeString(routes.resolve("benchmark-carrier.camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: carrier-invoice-intake
                    routeId: carrier-invoices-lumen
                    parameters:
                      - name: sourceId
                        value: lumen
                      - name: inbox
                        value: lumen/inbox
                """);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("hub.routes-directory", routes.toString());
        properties.put("hub.reference-data.directory", data.mappings.toString());
        properties.put("hub.embedded.postgres.data-directory", dir.resolve("postgres").toString());
        properties.put("hub.embedded.sftp.root", sftpRoot.toString());
        properties.put("hub.embedded.sftp.host-key-file", dir.resolve("host-key.pem").toString());
        properties.put("hub.sftp.known-hosts-file", dir.resolve("known_hosts").toString());
        properties.put("hub.sftp.port", Integer.getInteger("bench.sftp-port", 22_222));
        properties.put("hub.sftp.poll-delay-ms", 500);
        properties.put("hub.sftp.read-lock-check-interval-ms", 250);
        properties.put("hub.sftp.read-lock-min-age-ms", 250);
        // as command-line arguments: they take precedence over application.yml, as an operator's would
        return new SpringApplicationBuilder(BillingHubApplication.class).profiles("benchmark")
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    private static List<String> report(List<Point> points, long seed) {
        List<List<String>> rows = new ArrayList<>();
        for (Point p : points) {
            for (Meter.Measure m : p.measures()) {
                String ratio = switch (m.name()) {
                    case HUB_A -> String.format(Locale.ROOT, "%.2f× DuckDB's throughput (target ≥ 0.50)",
                            m.legsPerSecond() / p.get(DUCKDB).legsPerSecond());
                    case HUB_B -> String.format(Locale.ROOT, "%.2f× COPY + SQL's speed (target ≥ 1.00); %.2f× its "
                            + "legs part alone", p.get(PG).seconds() / m.seconds(), p.pg().legsSeconds() / m.seconds());
                    default -> "";
                };
                rows.add(List.of(String.format(Locale.ROOT, "%,d", p.legs()), m.name(),
                        String.format(Locale.ROOT, "%.1f s", m.seconds()),
                        String.format(Locale.ROOT, "%,.0f", m.legsPerSecond()), mb(m.peakHeap()), mb(m.peakRss()),
                        ratio));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", heap limit "
                + mb(Runtime.getRuntime().maxMemory()) + ", seed " + seed + ":");
        lines.add("");
        lines.addAll(ReadmeSection.table(List.of("Legs", "Contender", "Wall", "Legs/s", "Peak heap", "Peak RSS",
                "Ratio"), rows));
        lines.add("");
        for (Point p : points) {
            lines.add(String.format(Locale.ROOT, "- %,d legs: all three agree on %,d rated legs, %,d billed seconds"
                    + " and %s cost over %,d carrier × region × day groups; reconciliation found %s.", p.legs(),
                    p.totals().legs(), p.totals().seconds(), p.totals().cost().toPlainString(),
                    p.totals().byKey().size(), p.hub().openCases()));
        }
        return lines;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
