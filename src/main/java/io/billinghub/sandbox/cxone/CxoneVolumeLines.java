package io.billinghub.sandbox.cxone;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A billing month of exactly {@code n} usage lines, for volume measurements (a report of that many lines): inbound
 * calls of a support cost centre, spread evenly over the month in the reporting zone, so every line falls in the
 * month's report window. Line ids are {@code vol_} and the line's position, so the lines are already in usageDate,
 * lineId order and a client can tell which ones it missed or received twice.
 */
public final class CxoneVolumeLines {

    private static final int USERS = 300;
    private static final BigDecimal PER_MINUTE = new BigDecimal("0.0950");
    private static final BigDecimal TAX_RATE = new BigDecimal("0.08");
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final int SCALE = 4;

    private CxoneVolumeLines() {
    }

    public static List<CxoneReportLine> of(YearMonth period, ZoneId zone, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a volume month needs at least one line, was " + n);
        }
        Instant start = CxoneMonth.windowStart(period, zone);
        long seconds = Duration.between(start, CxoneMonth.windowEnd(period, zone)).getSeconds() + 1;
        List<CxoneReportLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int user = i % USERS;
            int duration = 30 + i % 571;
            BigDecimal cost = BigDecimal.valueOf(duration).multiply(PER_MINUTE).divide(SIXTY, SCALE,
                    RoundingMode.HALF_UP);
            lines.add(new CxoneReportLine(lineId(i), start.plusSeconds(i * seconds / n),
                    String.format("usr_vol_%03d", user), "Volume Agent " + user, String.format("+1212555%04d", user),
                    CxoneFeatureType.VOICE_CALL, "INBOUND", duration, cost, CxoneMonthGenerator.USD,
                    cost.multiply(TAX_RATE).setScale(SCALE, RoundingMode.HALF_UP), TAX_RATE, "cc_support_tier1",
                    false, null, null, null, null, null));
        }
        return lines;
    }

    /** The id of the line at this position (0-based): {@code vol_0000042}. */
    public static String lineId(int position) {
        return String.format("vol_%07d", position);
    }
}
