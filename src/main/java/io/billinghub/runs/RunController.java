package io.billinghub.runs;

import io.billinghub.extraction.webex.BillingWindow;
import io.billinghub.extraction.webex.WebexProperties;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs: list, show one with its phases and input checksums, and run a period on demand. */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    /** The pipelines a period can be run for, and the route that runs them. */
    private static final Map<String, String> PERIOD_ROUTES = Map.of("carrier-cpm", "carrier-cpm-period",
            "cxone-gl", "cxone-period", "chargeback", "chargeback-period",
            WebexProperties.PIPELINE, "webex-period");

    private final RunRegistry runs;
    private final RunLauncher launcher;
    private final Clock clock;

    public RunController(RunRegistry runs, RunLauncher launcher, Clock clock) {
        this.runs = runs;
        this.launcher = launcher;
        this.clock = clock;
    }

    @GetMapping
    public List<RunRecord> list(@RequestParam(required = false) String pipeline,
                                @RequestParam(required = false) String period,
                                @RequestParam(defaultValue = "50") int limit) {
        return runs.list(pipeline, period, Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/{runId}")
    public RunRecord show(@PathVariable String runId) {
        return runs.find(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
    }

    /**
     * What to run: a pipeline, a period (yyyy-MM), whether to close the period to the ERP, whether to extract again
     * or only re-run from staging (cxone-gl, chargeback, webex-wholesale), and (webex-wholesale) whether to delete
     * the period's reports at the vendor and generate them again.
     */
    public record RunRequest(String pipeline, String period, Boolean close, Boolean extract, Boolean regenerate) {
    }

    /** Starts the run and answers at once with its id; follow it at /api/runs/{id}. */
    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestBody RunRequest request) {
        String pipeline = request.pipeline() == null ? "carrier-cpm" : request.pipeline();
        String route = PERIOD_ROUTES.get(pipeline);
        if (route == null) {
            throw new IllegalArgumentException("pipeline '" + pipeline + "' cannot be run on demand; known: "
                    + PERIOD_ROUTES.keySet());
        }
        if (request.period() == null) {
            throw new IllegalArgumentException("period (yyyy-MM) is required");
        }
        String period = YearMonth.parse(request.period()).toString();
        if (WebexProperties.PIPELINE.equals(pipeline)) {
            // refused here, before anything is sent: Webex reports never include the current day
            BillingWindow.of(YearMonth.parse(period), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        }
        boolean close = Boolean.TRUE.equals(request.close());
        String runId = launcher.launch(new RunLaunch(pipeline, route, period, close,
                !Boolean.FALSE.equals(request.extract()), Boolean.TRUE.equals(request.regenerate())), "API", null);
        return ResponseEntity.accepted().location(URI.create("/api/runs/" + runId))
                .body(Map.of("runId", runId, "pipeline", pipeline, "period", period, "close", close));
    }
}
