package io.billinghub.cpm;

import io.billinghub.platform.web.CsvResponses;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cost per minute by carrier × destination region × UTC day, with the trailing 7-day figure; JSON or CSV. */
@RestController
@RequestMapping("/api/cpm")
public class CpmController {

    private final CpmService cpm;

    public CpmController(CpmService cpm) {
        this.cpm = cpm;
    }

    @GetMapping(produces = "application/json")
    public List<CpmRow> json(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) String carrier,
                             @RequestParam(required = false) String region) {
        requireOrdered(from, to);
        return cpm.cpm(from, to, carrier, region);
    }

    /** The console's matrix: carrier × region over the range, and each carrier's trend by day or 7-day bucket. */
    @GetMapping(value = "/matrix", produces = "application/json")
    public CpmMatrix matrix(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(defaultValue = "DAY") CpmMatrix.Granularity granularity,
                            @RequestParam(required = false) String carrier,
                            @RequestParam(required = false) String region) {
        requireOrdered(from, to);
        return cpm.matrix(from, to, granularity, carrier, region);
    }

    @GetMapping(value = "/matrix", produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> matrixCsv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) String carrier,
                                            @RequestParam(required = false) String region) {
        return CsvResponses.csv("cpm-matrix-" + from + "-" + to + ".csv", List.of("carrier_name",
                        "destination_region", "from", "to", "legs", "billed_minutes", "cost", "cpm"),
                matrix(from, to, CpmMatrix.Granularity.DAY, carrier, region).cells(), c -> List.of(c.carrierName(),
                        c.destinationRegion(), from, to, c.legs(), c.billedMinutes(), c.cost(),
                        c.cpm() == null ? "" : c.cpm()));
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }

    @GetMapping(produces = CsvResponses.TEXT_CSV)
    public ResponseEntity<String> csv(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) String carrier,
                                      @RequestParam(required = false) String region) {
        return CsvResponses.csv("cpm-" + from + "-" + to + ".csv", List.of("day", "carrier_name",
                        "destination_region", "legs", "billed_minutes", "cost", "cpm", "trailing_7d_legs",
                        "trailing_7d_billed_minutes", "trailing_7d_cost", "trailing_7d_cpm"),
                json(from, to, carrier, region), r -> List.of(r.day(), r.carrierName(), r.destinationRegion(),
                        r.legs(), r.billedMinutes(), r.cost(), r.cpm() == null ? "" : r.cpm(), r.trailing7dLegs(),
                        r.trailing7dBilledMinutes(), r.trailing7dCost(),
                        r.trailing7dCpm() == null ? "" : r.trailing7dCpm()));
    }
}
