package io.billinghub.invoices;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The one rule for turning a carrier's local wall-clock time into UTC, shared by every file format. */
public final class CarrierTime {

    private CarrierTime() {
    }

    /**
     * Follows {@link ZonedDateTime#ofLocal}: a local time that occurs twice (autumn fall-back) takes the earlier
     * offset, i.e. the first occurrence; a local time inside a spring-forward gap is shifted forward by the length of
     * the gap (02:30 on a 02:00 to 03:00 jump becomes 03:30 summer time).
     */
    public static Instant toUtc(LocalDateTime local, ZoneId carrierZone) {
        return ZonedDateTime.ofLocal(local, carrierZone, null).toInstant();
    }
}
