package io.billinghub.benchmark;

import io.billinghub.cpm.CpmRow;
import io.billinghub.cpm.CpmService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Contender (b), the hub: the usage file dropped on the tenant's SFTP inbox, taken by the running hub (download,
 * stream, stage and rate by COPY at leg level), CPM for the month, then each carrier's invoice dropped on its inbox
 * (streamed, COPYed, totals checked, reconciled against the rated legs). The clock stops when the last invoice's
 * run has finished.
 */
final class HubFullPath {

    /** What the hub ended with: its CPM rows, daily totals as stored, open cases by type. */
    record Result(int cpmRows, DailyTotals totals, Map<String, Long> openCases, List<String> failedRuns,
                  List<String> phases) {
    }

    private HubFullPath() {
    }

    /** Copies the files next to their inboxes beforehand, so that the timed drop is the upload's last step. */
    static void prepare(BenchmarkData data, Path sftpRoot) throws IOException {
        stage(data.legsFile, inbox(sftpRoot, "usage/" + BenchmarkData.TENANT));
        for (Map.Entry<String, Path> invoice : data.invoiceFiles.entrySet()) {
            stage(invoice.getValue(), inbox(sftpRoot, invoice.getKey()));
        }
    }

    static Result run(ConfigurableApplicationContext hub, BenchmarkData data, Path sftpRoot) throws IOException {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        drop(data.legsFile, inbox(sftpRoot, "usage/" + BenchmarkData.TENANT));
        awaitRuns(jdbc, "usage-file-intake", 1);
        List<CpmRow> cpm = hub.getBean(CpmService.class).cpm(BenchmarkData.MONTH_START,
                BenchmarkData.MONTH_START.plusDays(BenchmarkData.DAYS - 1L), null, null);
        for (Map.Entry<String, Path> invoice : data.invoiceFiles.entrySet()) {
            drop(invoice.getValue(), inbox(sftpRoot, invoice.getKey()));
        }
        awaitRuns(jdbc, "carrier-invoice-intake", data.invoiceFiles.size());
        return new Result(cpm.size(), null, Map.of(), List.of(), List.of());
    }

    /** Figures read after the clock stopped. */
    static Result inspect(ConfigurableApplicationContext hub, Result timed) throws Exception {
        JdbcTemplate jdbc = hub.getBean(JdbcTemplate.class);
        DailyTotals totals;
        try (var connection = jdbc.getDataSource().getConnection(); var sql = connection.createStatement()) {
            totals = DailyTotals.query(sql, """
                    select carrier_name, destination_region, utc_day::text, count(*), sum(billed_seconds),
                        sum(cost)::text
                    from rated_leg where rating_status = 'RATED' group by carrier_name, destination_region, utc_day""");
        }
        Map<String, Long> open = new TreeMap<>();
        jdbc.query("select type, count(*) from exception_item where status <> 'RESOLVED' group by type",
                rs -> {
                    open.put(rs.getString(1), rs.getLong(2));
                });
        List<String> failed = jdbc.queryForList(
                "select pipeline || ' ' || status || ': ' || coalesce(error, '') from pipeline_run "
                        + "where status <> 'SUCCEEDED'", String.class);
        List<String> phases = jdbc.queryForList("""
                select to_char(started_at, 'HH24:MI:SS.MS') || ' +'
                    || to_char(extract(epoch from finished_at - started_at), 'FM9990.0') || ' s ' || phase
                    || ' (' || records_in || ' in)'
                from run_phase order by started_at""", String.class);
        return new Result(timed.cpmRows(), totals, open, failed, phases);
    }

    private static Path inbox(Path sftpRoot, String folder) {
        return sftpRoot.resolve(folder).resolve("inbox");
    }

    private static void stage(Path file, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        Files.copy(file, inbox.getParent().resolve("." + file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** As a carrier's upload ends: the complete file appears in the inbox under its name. */
    private static void drop(Path file, Path inbox) throws IOException {
        Files.move(inbox.getParent().resolve("." + file.getFileName()), inbox.resolve(file.getFileName()),
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Polls the run table (a benchmark may poll; tests use NotifyBuilder). */
    private static void awaitRuns(JdbcTemplate jdbc, String pipeline, int count) {
        while (true) {
            Integer finished = jdbc.queryForObject(
                    "select count(*) from pipeline_run where pipeline = ? and finished_at is not null",
                    Integer.class, pipeline);
            if (finished != null && finished >= count) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + pipeline, e);
            }
        }
    }
}
