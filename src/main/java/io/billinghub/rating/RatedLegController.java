package io.billinghub.rating;

import io.billinghub.platform.web.ReportRows;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Drill-down from a CPM cell to the rated legs behind it (leg level, with raw and billed minutes): the legs of one
 * UTC day, or of the days from {@code day} to {@code to} for a cell of a date range.
 */
@RestController
@RequestMapping("/api/legs")
public class RatedLegController {

    private final NamedParameterJdbcTemplate jdbc;

    public RatedLegController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    public List<Map<String, Object>> legs(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                          @RequestParam(required = false)
                                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                          @RequestParam(required = false) String carrier,
                                          @RequestParam(required = false) String region,
                                          @RequestParam(required = false) RatingStatus status,
                                          @RequestParam(required = false) LegClass legClass,
                                          @RequestParam(defaultValue = "500") int limit) {
        return jdbc.query("""
                select leg_id, call_id, start_time, leg_class, leg_role, rating_status, unrated_reason, carrier_name,
                    destination_number, destination_region, matched_prefix, rate_per_minute,
                    increment_first || '/' || increment_next as billing_increment, raw_seconds, billed_seconds,
                    raw_minutes, billed_minutes, cost, currency, reference_version_id, run_id
                from rated_leg
                where utc_day >= :day and utc_day <= :to
                  and (cast(:carrier as text) is null or carrier_name = :carrier)
                  and (cast(:region as text) is null or destination_region = :region)
                  and (cast(:status as text) is null or rating_status = :status)
                  and (cast(:legClass as text) is null or leg_class = :legClass)
                order by start_time, leg_id limit :limit""",
                new MapSqlParameterSource("day", day).addValue("to", to == null ? day : to)
                        .addValue("carrier", carrier).addValue("region", region)
                        .addValue("status", status == null ? null : status.name())
                        .addValue("legClass", legClass == null ? null : legClass.name())
                        .addValue("limit", Math.min(Math.max(limit, 1), 10000)), ReportRows.extractor());
    }
}
