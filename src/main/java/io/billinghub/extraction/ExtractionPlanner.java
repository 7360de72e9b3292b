package io.billinghub.extraction;

import io.billinghub.platform.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides which 24-hour UTC windows to extract. A scheduled tick re-reads the current day and the previous
 * lookback days (vendors deliver late legs) until a day has settled; an on-demand period run reads every day of
 * the period. Windows are always whole UTC days, so re-extraction is idempotent per window.
 */
@Component
public class ExtractionPlanner {

    private final TelephonyProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public ExtractionPlanner(TelephonyProperties properties, NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<ExtractionWindow> scheduledWindows() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<ExtractionWindow> windows = new ArrayList<>();
        for (TelephonyProperties.Tenant tenant : properties.tenants()) {
            Set<Instant> settled = settledWindows(tenant.id(), today.minusDays(properties.lookbackDays()));
            for (LocalDate day = today.minusDays(properties.lookbackDays()); !day.isAfter(today);
                 day = day.plusDays(1)) {
                ExtractionWindow window = window(tenant.id(), day);
                if (!settled.contains(window.start())) {
                    windows.add(window);
                }
            }
        }
        return windows;
    }

    public List<ExtractionWindow> periodWindows(YearMonth period) {
        List<ExtractionWindow> windows = new ArrayList<>();
        for (TelephonyProperties.Tenant tenant : properties.tenants()) {
            for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
                windows.add(window(tenant.id(), day));
            }
        }
        return windows;
    }

    /** A window extracted after it ended plus the settle time will not change any more. */
    public boolean settled(ExtractionWindow window, Instant extractedAt) {
        return !extractedAt.isBefore(window.end().plus(Duration.ofHours(properties.settleHours())));
    }

    private Set<Instant> settledWindows(String tenantId, LocalDate from) {
        return new HashSet<>(jdbc.query("""
                select window_start from extraction_window
                where tenant_id = :tenant and status = 'SETTLED' and window_start >= :from""",
                new MapSqlParameterSource("tenant", tenantId)
                        .addValue("from", SqlTime.utc(from.atStartOfDay(ZoneOffset.UTC).toInstant())),
                (rs, i) -> SqlTime.instant(rs, "window_start")));
    }

    static ExtractionWindow window(String tenantId, LocalDate day) {
        return new ExtractionWindow(tenantId, day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
