package io.billinghub.sandbox.cxone;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The asynchronous usage reports, kept in memory, with a deterministic lifecycle:
 * <ul>
 *   <li>Submitted as PROCESSING. The first {@code processingPolls} polls of its status answer PROCESSING; the
 *       next poll finds it COMPLETE (or FAILED when {@code failReports}). With processingPolls 0 it is COMPLETE
 *       (or FAILED) at submission.</li>
 *   <li>A COMPLETE report is served for {@code retention} (24 h) after completion; from completedAt + retention
 *       on it is EXPIRED and its data answers 410.</li>
 *   <li>Data is served in pages of pageSize (1..1000, default 1000) lines, ordered by usageDate then lineId; each
 *       page but the last carries an opaque nextPageToken, the last one null. A report not COMPLETE answers 409;
 *       an unknown id 404; a token that is not this report's 400.</li>
 * </ul>
 * A report stores its request, not its lines: the lines are selected again from the month for each page, so
 * thousands of reports cost little memory.
 */
public final class CxoneReportStore {

    public enum Status { PROCESSING, COMPLETE, FAILED, EXPIRED }

    public static final int MAX_PAGE_SIZE = 1000;
    public static final String FAILURE_REASON =
            "Report generation failed on the analytics worker; submit the report again";

    /** A report's status ({@code GET /api/v2/usage/reports/{id}}), and the answer to a submission. */
    @JsonPropertyOrder({"reportId", "status", "submittedAt", "completedAt", "expiresAt", "totalRecords",
            "failureReason"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusView(String reportId, Status status,
                             @JsonSerialize(using = ToStringSerializer.class) Instant submittedAt,
                             @JsonSerialize(using = ToStringSerializer.class) Instant completedAt,
                             @JsonSerialize(using = ToStringSerializer.class) Instant expiresAt,
                             Integer totalRecords, String failureReason) {
    }

    /** One page of a report's data ({@code GET /api/v2/usage/reports/{id}/data}). */
    @JsonPropertyOrder({"reportId", "status", "generatedAt", "data", "nextPageToken", "totalRecords"})
    public record DataPage(String reportId, Status status,
                           @JsonSerialize(using = ToStringSerializer.class) Instant generatedAt,
                           List<CxoneReportLine> data,
                           @JsonInclude(JsonInclude.Include.ALWAYS) String nextPageToken,
                           int totalRecords) {
    }

    private static final class Report {
        final String id;
        final CxoneReportRequest request;
        final Instant submittedAt;
        int polls;
        Status status = Status.PROCESSING;
        Instant completedAt;
        int totalRecords;

        Report(String id, CxoneReportRequest request, Instant submittedAt) {
            this.id = id;
            this.request = request;
            this.submittedAt = submittedAt;
        }
    }

    private final List<CxoneReportLine> configuredLines;
    private volatile List<CxoneReportLine> lines;
    private final int configuredProcessingPolls;
    private final boolean configuredFailReports;
    private volatile int processingPolls;
    private volatile boolean failReports;
    private final Duration retention;
    private final Clock clock;
    private final Map<String, Report> reports = new ConcurrentHashMap<>();
    private final AtomicLong submissions = new AtomicLong();

    /**
     * @param lines           every line the tenant has, in usageDate, lineId order
     * @param processingPolls status polls answered PROCESSING before the report completes (0 = complete at once)
     * @param failReports     reports end FAILED instead of COMPLETE
     * @param retention       how long a COMPLETE report is served (24 h)
     */
    public CxoneReportStore(List<CxoneReportLine> lines, int processingPolls, boolean failReports, Duration retention,
                        Clock clock) {
        this.configuredLines = List.copyOf(lines);
        this.lines = configuredLines;
        this.configuredProcessingPolls = processingPolls;
        this.configuredFailReports = failReports;
        this.processingPolls = processingPolls;
        this.failReports = failReports;
        this.retention = retention;
        this.clock = clock;
    }

    public StatusView submit(CxoneReportRequest request) {
        long n = submissions.incrementAndGet();
        // Deterministic-ish: the same submissions in the same order after a reset get the same ids.
        String id = "usr_rpt_" + UUID.nameUUIDFromBytes(("cxone-report/" + n + "/" + request).getBytes(UTF_8));
        Report report = new Report(id, request, clock.instant());
        synchronized (report) {
            if (processingPolls == 0) {
                finish(report);
            }
            reports.put(id, report);
            return view(report);
        }
    }

    /**
     * A status poll: counts towards the report's completion and answers its status.
     *
     * @throws CxoneApiException 404 for an unknown id
     */
    public StatusView poll(String reportId) {
        Report report = find(reportId);
        synchronized (report) {
            if (report.status == Status.PROCESSING && ++report.polls > processingPolls) {
                finish(report);
            }
            return view(report);
        }
    }

    /**
     * One page of a COMPLETE report's lines.
     *
     * @param pageSize      1..1000, or null for 1000
     * @param nextPageToken null for the first page, else the previous page's token
     * @throws CxoneApiException 404 unknown id, 409 not COMPLETE, 410 EXPIRED, 400 bad page size or token
     */
    public DataPage data(String reportId, String pageSize, String nextPageToken) {
        Report report = find(reportId);
        int size = pageSize(pageSize);
        Instant completedAt;
        synchronized (report) {
            Status status = status(report);
            if (status == Status.EXPIRED) {
                throw new CxoneApiException(410, "report_expired", "Report " + reportId + " expired at "
                        + report.completedAt.plus(retention) + "; submit it again");
            }
            if (status != Status.COMPLETE) {
                throw new CxoneApiException(409, "report_not_ready", "Report " + reportId + " is " + status
                        + "; fetch its data once its status is COMPLETE");
            }
            completedAt = report.completedAt;
        }
        List<CxoneReportLine> selected = report.request.select(lines);
        int offset = nextPageToken == null ? 0 : offset(nextPageToken, report.id, selected.size());
        int end = Math.min(selected.size(), offset + size);
        String next = end < selected.size() ? token(report.id, end) : null;
        return new DataPage(report.id, Status.COMPLETE, completedAt, List.copyOf(selected.subList(offset, end)),
                next, selected.size());
    }

    /** How reports behave from now on (a slow partition, a failing analytics worker), until {@link #reset()}. */
    public void behave(int newProcessingPolls, boolean newFailReports) {
        this.processingPolls = newProcessingPolls;
        this.failReports = newFailReports;
    }

    /**
     * A test hook: from now on reports are cut from these lines (in usageDate, lineId order), e.g. a volume month
     * ({@link CxoneVolumeLines}), until {@link #reset()}.
     */
    public void serve(List<CxoneReportLine> newLines) {
        this.lines = List.copyOf(newLines);
    }

    /** Forgets every report, restarts the id sequence and restores the configured lines and behaviour. */
    public void reset() {
        this.lines = configuredLines;
        this.processingPolls = configuredProcessingPolls;
        this.failReports = configuredFailReports;
        reports.clear();
        submissions.set(0);
    }

    public int size() {
        return reports.size();
    }

    private Report find(String reportId) {
        Report report = reportId == null ? null : reports.get(reportId);
        if (report == null) {
            throw new CxoneApiException(404, "report_not_found", "No report " + reportId);
        }
        return report;
    }

    private void finish(Report report) {
        report.completedAt = clock.instant();
        if (failReports) {
            report.status = Status.FAILED;
        } else {
            report.status = Status.COMPLETE;
            report.totalRecords = report.request.select(lines).size();
        }
    }

    private Status status(Report report) {
        if (report.status == Status.COMPLETE && !clock.instant().isBefore(report.completedAt.plus(retention))) {
            return Status.EXPIRED;
        }
        return report.status;
    }

    private StatusView view(Report report) {
        Status status = status(report);
        boolean done = status == Status.COMPLETE || status == Status.EXPIRED;
        return new StatusView(report.id, status, report.submittedAt,
                done || status == Status.FAILED ? report.completedAt : null,
                done ? report.completedAt.plus(retention) : null,
                status == Status.COMPLETE ? report.totalRecords : null,
                status == Status.FAILED ? FAILURE_REASON : null);
    }

    private static int pageSize(String pageSize) {
        if (pageSize == null) {
            return MAX_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(pageSize.trim());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw CxoneApiException.badRequest("pageSize must be a whole number from 1 to " + MAX_PAGE_SIZE
                + ", was '" + pageSize + "'");
    }

    /** Opaque to clients: base64url of "reportId:offset". */
    static String token(String reportId, int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((reportId + ":" + offset).getBytes(UTF_8));
    }

    private static int offset(String token, String reportId, int total) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.trim()), UTF_8);
            int colon = decoded.lastIndexOf(':');
            if (colon > 0 && decoded.substring(0, colon).equals(reportId)) {
                int offset = Integer.parseInt(decoded.substring(colon + 1));
                if (offset > 0 && offset < total) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below (NumberFormatException is an IllegalArgumentException)
        }
        throw new CxoneApiException(400, "invalid_page_token", "nextPageToken is not a token of report " + reportId);
    }
}
