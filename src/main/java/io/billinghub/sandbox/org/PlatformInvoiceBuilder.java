package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices a tenant's month as the vendor does: seats by licence type (active and suspended users: suspended seats
 * are still billed), per trunk a capacity charge (peak concurrent calls rounded up to a multiple of 5 channels) and
 * a usage charge (talk and hold time rounded up to whole minutes per conversation), scheduled WFM minutes,
 * processed analytics minutes and a fixed API and storage fee. Each line is rounded HALF_UP to cents, in USD.
 */
public final class PlatformInvoiceBuilder {

    // Version 2026-Q4-v1 of mappings/cost-multipliers.json, copied here: a vendor prices its own invoice and never
    // reads the customer's mapping files. The channel price is the vendor's and is in no mapping.
    static final Map<String, BigDecimal> SEAT_PRICES = seatPrices();
    static final BigDecimal PER_CHANNEL = new BigDecimal("12.00");
    static final BigDecimal TELEPHONY_PER_MINUTE = new BigDecimal("0.0120");
    static final BigDecimal WFM_PER_SCHEDULED_MINUTE = new BigDecimal("0.0009");
    static final BigDecimal ANALYTICS_PER_PROCESSED_MINUTE = new BigDecimal("0.0045");
    static final int CHANNEL_STEP = 5;
    public static final String CURRENCY = "USD";

    private final String invoiceId;
    private final YearMonth period;
    private final BigDecimal apiStorageFee;

    /**
     * @param apiStorageFee the tenant's fixed monthly API and storage fee
     */
    public PlatformInvoiceBuilder(String invoiceId, YearMonth period, BigDecimal apiStorageFee) {
        this.invoiceId = invoiceId;
        this.period = period;
        this.apiStorageFee = apiStorageFee;
    }

    /**
     * The invoice, issued at the end of the period (UTC).
     *
     * @param users         the users as of that instant
     * @param trunks        every trunk, in invoice order
     * @param conversations the conversations of the period
     * @param shifts        the WFM shifts of the period
     * @param analytics     the analytics usage of the period
     */
    public PlatformInvoice build(List<OrgRecord.User> users, List<OrgRecord.Trunk> trunks,
                                 List<OrgRecord.Conversation> conversations, List<OrgRecord.WfmShift> shifts,
                                 List<OrgRecord.AnalyticsUsage> analytics) {
        List<OrgRecord.PlatformCharge> lines = new ArrayList<>();
        seats(lines, users);
        for (OrgRecord.Trunk trunk : trunks) {
            List<OrgRecord.Conversation> carried =
                    conversations.stream().filter(c -> c.trunkId().equals(trunk.trunkId())).toList();
            int channels = channels(peakConcurrency(carried));
            add(lines, "TELEPHONY", trunk.trunkId(), "CAPACITY",
                    "Trunk capacity: " + channels + " channels at " + PER_CHANNEL,
                    PER_CHANNEL.multiply(BigDecimal.valueOf(channels)));
            long minutes = carried.stream().mapToLong(PlatformInvoiceBuilder::billedMinutes).sum();
            add(lines, "TELEPHONY", trunk.trunkId(), "USAGE",
                    "Trunk usage: " + minutes + " minutes at " + TELEPHONY_PER_MINUTE,
                    TELEPHONY_PER_MINUTE.multiply(BigDecimal.valueOf(minutes)));
        }
        long scheduled = shifts.stream().mapToLong(PlatformInvoiceBuilder::scheduledMinutes).sum();
        add(lines, "WFM", null, null, "Scheduled minutes: " + scheduled + " at " + WFM_PER_SCHEDULED_MINUTE,
                WFM_PER_SCHEDULED_MINUTE.multiply(BigDecimal.valueOf(scheduled)));
        BigDecimal processed = analytics.stream().map(OrgRecord.AnalyticsUsage::processedMinutes)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        add(lines, "ANALYTICS", null, null, "Processed minutes: " + processed.toPlainString() + " at "
                + ANALYTICS_PER_PROCESSED_MINUTE, ANALYTICS_PER_PROCESSED_MINUTE.multiply(processed));
        add(lines, "API_STORAGE", null, null, "API and storage, fixed monthly fee", apiStorageFee);
        Instant issuedAt = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new PlatformInvoice(invoiceId, period, CURRENCY, issuedAt, lines);
    }

    /** One line per licence type in use: the licence type is the line's charge type. */
    private void seats(List<OrgRecord.PlatformCharge> lines, List<OrgRecord.User> users) {
        Map<String, Integer> seats = new LinkedHashMap<>();
        for (OrgRecord.User user : users) {
            boolean billed = user.status() == OrgRecord.UserStatus.ACTIVE
                    || user.status() == OrgRecord.UserStatus.SUSPENDED;
            if (billed && user.licenceType() != null) {
                if (!SEAT_PRICES.containsKey(user.licenceType())) {
                    throw new IllegalArgumentException("no seat price for licence type " + user.licenceType());
                }
                seats.merge(user.licenceType(), 1, Integer::sum);
            }
        }
        SEAT_PRICES.forEach((type, price) -> {
            int count = seats.getOrDefault(type, 0);
            if (count > 0) {
                add(lines, "LICENCE", null, type, type + " seats: " + count + " at " + price,
                        price.multiply(BigDecimal.valueOf(count)));
            }
        });
    }

    private void add(List<OrgRecord.PlatformCharge> lines, String category, String trunkId, String chargeType,
                     String description, BigDecimal amount) {
        String lineId = String.format("%s-%03d", invoiceId, lines.size() + 1);
        lines.add(new OrgRecord.PlatformCharge(lineId, invoiceId, category, trunkId, chargeType, description,
                amount.setScale(2, RoundingMode.HALF_UP), CURRENCY));
    }

    /** Channels a peak needs: rounded up to a multiple of {@value #CHANNEL_STEP}. */
    static int channels(int peak) {
        return (peak + CHANNEL_STEP - 1) / CHANNEL_STEP * CHANNEL_STEP;
    }

    /** Talk and hold time, rounded up to whole minutes. */
    static long billedMinutes(OrgRecord.Conversation conversation) {
        return (conversation.talkSeconds() + conversation.holdSeconds() + 59) / 60;
    }

    /** The shift's real length: its local start and end in its zone, so a DST change counts. */
    static long scheduledMinutes(OrgRecord.WfmShift shift) {
        ZoneId zone = ZoneId.of(shift.timeZone());
        return Duration.between(shift.localStart().atZone(zone), shift.localEnd().atZone(zone)).toMinutes();
    }

    /**
     * The most calls holding a channel at once: each holds one from its start for its talk and hold seconds,
     * half-open, so a call ending as another starts does not overlap it.
     */
    public static int peakConcurrency(List<OrgRecord.Conversation> conversations) {
        record Event(Instant at, int delta) {
        }
        List<Event> events = new ArrayList<>();
        for (OrgRecord.Conversation c : conversations) {
            long held = c.talkSeconds() + c.holdSeconds();
            if (held > 0) {
                events.add(new Event(c.start(), 1));
                events.add(new Event(c.start().plusSeconds(held), -1));
            }
        }
        // Ends before starts at the same instant.
        events.sort(Comparator.comparing(Event::at).thenComparingInt(Event::delta));
        int current = 0;
        int peak = 0;
        for (Event event : events) {
            current += event.delta();
            peak = Math.max(peak, current);
        }
        return peak;
    }

    private static Map<String, BigDecimal> seatPrices() {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        prices.put("CX_1", new BigDecimal("25.00"));
        prices.put("CX_2", new BigDecimal("50.00"));
        prices.put("CX_3", new BigDecimal("80.00"));
        return Collections.unmodifiableMap(prices);
    }
}
