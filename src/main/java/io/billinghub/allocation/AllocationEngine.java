package io.billinghub.allocation;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.Multipliers;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.TelephonyModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Allocates a period's platform invoices to cost centres. Every invoiced category is a pool that ends up, to the
 * cent, on lines (largest remainder per pool), so the lines add up exactly to the invoices:
 * <ul>
 * <li>LICENCE, WFM and ANALYTICS are rated at the multipliers: licence price per seat of ACTIVE users (optionally
 * utilisation-weighted), scheduled minutes after converting shifts to UTC, processed minutes. What the invoice
 * holds beyond (or below) the rated cost, e.g. seats of suspended users the vendor still bills, goes to Unallocated
 * as PLATFORM_VARIANCE for review: it is never spread over the business units.</li>
 * <li>TELEPHONY is split per trunk invoice line by the trunk's model: VOLUME (minutes), CONCURRENCY_WEIGHTED (peak
 * concurrent channels) or HYBRID (CAPACITY lines by concurrency, the rest by volume), attributed to the cost centre
 * of the conversation's initial queue: overflow calls keep their telephony with the originating unit.</li>
 * <li>API_STORAGE is split pro rata by active users (service accounts included, on the default cost centre).</li>
 * </ul>
 * When the vendor reports the licence quantities it bills (Genesys Cloud's billable usage, no money), each licence
 * type's billed quantity is checked against the snapshot's ACTIVE users holding it; a difference is a
 * LICENCE_QUANTITY_MISMATCH finding (the invoice residual itself stays PLATFORM_VARIANCE). When it reports per-queue
 * conversation aggregates, each queue's connected conversations and talk + hold + wrap-up seconds are checked
 * against the conversation records it answered; a difference is a QUEUE_METRICS_MISMATCH finding.
 * Utilisation-weighted licences: ratio = peak concurrent sessions of the cost centre's licensed users / its
 * assigned licences; factor = the ratio within [floor, cap]; the cost centre pays price x factor and the unrecovered
 * remainder, price x (1 - factor), is charged to the default cost centre (IT-OVERHEAD) as UNRECOVERED_LICENCE with
 * the cost centre it comes from, so it stays visible and the licence pool is still conserved.
 */
public final class AllocationEngine {

    public static final String LICENCE = "LICENCE";
    public static final String TELEPHONY = "TELEPHONY";
    public static final String WFM = "WFM";
    public static final String ANALYTICS = "ANALYTICS";
    public static final String API_STORAGE = "API_STORAGE";
    public static final List<String> CATEGORIES = List.of(TELEPHONY, LICENCE, WFM, ANALYTICS, API_STORAGE);

    public static final String CROSS_QUEUE_OVERFLOW = "CROSS_QUEUE_OVERFLOW";
    public static final String UNRECOVERED_LICENCE = "UNRECOVERED_LICENCE";
    public static final String PLATFORM_VARIANCE = "PLATFORM_VARIANCE";
    public static final String NO_TRAFFIC = "NO_TRAFFIC";
    public static final String UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY";

    static final String UTILIZATION_WEIGHTED = "UTILIZATION_WEIGHTED";
    static final String FLAT_RATE = "FLAT_RATE";

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ChargebackPolicy policy;

    public AllocationEngine(ChargebackPolicy policy) {
        this.policy = policy;
    }

    public AllocationResult allocate(YearMonth period, List<TenantSnapshot> tenants, MultiplierVersion version,
                                     ChargebackReferenceData reference) {
        Run run = new Run(period, version.multipliers(),
                new Taxonomy(policy, reference, period.atEndOfMonth()));
        tenants.forEach(run::tenant);
        return run.result();
    }

    /** One part of a pool before rounding. */
    private record Part(LineKey key, BigDecimal exact, BigDecimal quantity, String unit, BigDecimal utilisation,
                        String detail) {
    }

    private final class Run {

        private final Instant start;
        private final Instant end;
        private final Multipliers rates;
        private final Taxonomy taxonomy;
        private final Map<LineKey, AllocationLine> lines = new TreeMap<>();
        private final Map<String, BigDecimal> invoiced = new LinkedHashMap<>();
        private final Map<String, BigDecimal> rated = new LinkedHashMap<>();
        private final Map<String, ChargebackFinding> findings = new LinkedHashMap<>();

        private TenantSnapshot tenant;
        private Map<String, Attribution> users;
        private Map<String, Attribution> queues;

        Run(YearMonth period, Multipliers rates, Taxonomy taxonomy) {
            this.start = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            this.end = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            this.rates = rates;
            this.taxonomy = taxonomy;
            CATEGORIES.forEach(c -> invoiced.put(c, BigDecimal.ZERO));
        }

        void tenant(TenantSnapshot snapshot) {
            this.tenant = snapshot;
            users = new HashMap<>();
            snapshot.users().forEach(u -> users.put(u.userId(), note(taxonomy.user(u), "user " + u.userId())));
            queues = new HashMap<>();
            snapshot.queues().forEach(q -> queues.put(q.queueId(), note(taxonomy.queue(q), "queue " + q.queueId())));
            Map<String, List<OrgRecord.PlatformCharge>> invoice = snapshot.charges().stream()
                    .collect(Collectors.groupingBy(OrgRecord.PlatformCharge::category, LinkedHashMap::new,
                            Collectors.toList()));
            invoice.forEach((category, charges) -> invoiced.merge(category, sum(charges), BigDecimal::add));
            licences(sum(invoice.get(LICENCE)));
            wfm(sum(invoice.get(WFM)));
            analytics(sum(invoice.get(ANALYTICS)));
            telephony(invoice.getOrDefault(TELEPHONY, List.of()));
            apiStorage(sum(invoice.get(API_STORAGE)));
            queueMetrics();
            invoice.forEach((category, charges) -> {
                if (!CATEGORIES.contains(category)) {
                    finding(ChargebackFinding.UNKNOWN_CATEGORY, category, "invoice lines of an unknown category"
                            + " (" + sum(charges) + ") are left in Unallocated");
                    pool(sum(charges), List.of(new Part(key(CostCentreRef.UNALLOCATED, category, UNKNOWN_CATEGORY,
                            "", "INVOICE"), sum(charges), BigDecimal.ZERO, "", null, "invoice category " + category)));
                }
            });
        }

        // ---------------------------------------------------------------- licences

        private void licences(BigDecimal invoicedAmount) {
            Map<Attribution, List<OrgRecord.User>> seats = new TreeMap<>(ATTRIBUTION_ORDER);
            for (OrgRecord.User u : tenant.users()) {
                if (u.status() != OrgRecord.UserStatus.ACTIVE || u.licenceType() == null) {
                    continue;
                }
                if (!rates.licencePerSeatMonthly().containsKey(u.licenceType())) {
                    finding(ChargebackFinding.UNKNOWN_LICENCE_TYPE, u.licenceType(), "user " + u.userId()
                            + " holds a licence type without a price in the multipliers; its seat is not rated");
                    continue;
                }
                seats.computeIfAbsent(users.get(u.userId()), a -> new ArrayList<>()).add(u);
            }
            Map<CostCentreRef, String> models = licenceModels();
            List<Part> parts = new ArrayList<>();
            BigDecimal ratedTotal = BigDecimal.ZERO;
            for (Map.Entry<Attribution, List<OrgRecord.User>> e : seats.entrySet()) {
                Attribution a = e.getKey();
                List<OrgRecord.User> holders = e.getValue();
                BigDecimal full = holders.stream().map(u -> rates.licencePerSeatMonthly().get(u.licenceType()))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                ratedTotal = ratedTotal.add(full);
                BigDecimal count = BigDecimal.valueOf(holders.size());
                String mix = licenceMix(holders);
                if (!UTILIZATION_WEIGHTED.equals(models.get(a.target()))) {
                    parts.add(new Part(key(a.target(), LICENCE, a.reason(), a.origin(), FLAT_RATE), full, count,
                            "seats", null, mix));
                    continue;
                }
                Intervals sessions = new Intervals();
                Set<String> ids = holders.stream().map(OrgRecord.User::userId).collect(Collectors.toSet());
                tenant.sessions().stream().filter(s -> ids.contains(s.userId()))
                        .forEach(s -> sessions.add(max(s.start(), start), min(s.end(), end)));
                int peak = sessions.peak();
                BigDecimal ratio = BigDecimal.valueOf(peak).divide(count, 4, RoundingMode.HALF_UP);
                BigDecimal factor = ratio.max(policy.utilisationFloor()).min(policy.utilisationCap());
                BigDecimal charged = full.multiply(factor);
                String how = mix + "; peak " + peak + " concurrent sessions / " + holders.size()
                        + " licences = utilisation " + ratio.toPlainString() + ", factor " + factor.toPlainString()
                        + " (floor " + policy.utilisationFloor().toPlainString() + ", cap "
                        + policy.utilisationCap().toPlainString() + ")";
                parts.add(new Part(key(a.target(), LICENCE, a.reason(), a.origin(), UTILIZATION_WEIGHTED), charged,
                        count, "seats", ratio, how));
                BigDecimal unrecovered = full.subtract(charged);
                if (unrecovered.signum() != 0) {
                    parts.add(new Part(key(policy.defaultCentre(), LICENCE, UNRECOVERED_LICENCE, a.target().id(),
                            UTILIZATION_WEIGHTED), unrecovered, count.multiply(BigDecimal.ONE.subtract(factor)),
                            "seats", ratio, "unrecovered licence capacity of " + a.target().id() + ": " + how));
                }
            }
            rated.merge(LICENCE, ratedTotal, BigDecimal::add);
            pool(invoicedAmount, withResidual(parts, invoicedAmount, LICENCE));
            licenceQuantities();
        }

        /** The vendor's billed licence quantities against the snapshot's active licensed users, per licence type. */
        private void licenceQuantities() {
            Map<String, BigDecimal> billed = new TreeMap<>();
            for (OrgRecord.LicenceUsage usage : tenant.licenceUsage()) {
                if (OrgRecord.LicenceUsage.NO_SEAT.equals(usage.licenceType())) {
                    continue;
                }
                if (usage.licenceType() == null) {
                    finding(ChargebackFinding.UNKNOWN_LICENCE_TYPE, usage.name(), "billable usage " + usage.name()
                            + " (" + usage.quantity().toPlainString() + ") is not mapped to a licence type; it is"
                            + " not checked");
                } else {
                    billed.merge(usage.licenceType(), usage.quantity(), BigDecimal::add);
                }
            }
            if (billed.isEmpty()) {
                return;
            }
            Map<String, Long> active = tenant.users().stream()
                    .filter(u -> u.status() == OrgRecord.UserStatus.ACTIVE && u.licenceType() != null)
                    .collect(Collectors.groupingBy(OrgRecord.User::licenceType, TreeMap::new, Collectors.counting()));
            Set<String> types = new TreeSet<>(billed.keySet());
            types.addAll(active.keySet());
            for (String type : types) {
                BigDecimal quantity = billed.getOrDefault(type, BigDecimal.ZERO);
                long seats = active.getOrDefault(type, 0L);
                if (quantity.compareTo(BigDecimal.valueOf(seats)) != 0) {
                    finding(ChargebackFinding.LICENCE_QUANTITY_MISMATCH, tenant.tenantId() + " " + type,
                            "the vendor bills " + quantity.stripTrailingZeros().toPlainString() + " " + type
                                    + " licences; the snapshot has " + seats + " active users holding one");
                }
            }
        }

        /** UTILIZATION_WEIGHTED or FLAT_RATE per cost centre, from its users' BU::ALLOCATION_MODEL attributes. */
        private Map<CostCentreRef, String> licenceModels() {
            Map<CostCentreRef, Set<String>> declared = new HashMap<>();
            for (OrgRecord.User u : tenant.users()) {
                String model = u.attributes().get(ChargebackPolicy.MODEL_ATTRIBUTE);
                if (UTILIZATION_WEIGHTED.equals(model) || FLAT_RATE.equals(model)) {
                    declared.computeIfAbsent(users.get(u.userId()).target(), c -> new TreeSet<>()).add(model);
                }
            }
            Map<CostCentreRef, String> models = new HashMap<>();
            declared.forEach((centre, values) -> {
                if (values.size() > 1) {
                    finding(ChargebackFinding.LICENCE_MODEL_CONFLICT, centre.id(), "users declare both "
                            + values + "; FLAT_RATE applies until the attributes agree");
                }
                models.put(centre, values.size() == 1 && !centre.unallocated() ? values.iterator().next()
                        : FLAT_RATE);
            });
            return models;
        }

        private String licenceMix(List<OrgRecord.User> holders) {
            Map<String, Long> byType = holders.stream().collect(Collectors.groupingBy(OrgRecord.User::licenceType,
                    TreeMap::new, Collectors.counting()));
            List<String> parts = new ArrayList<>();
            byType.forEach((type, n) -> parts.add(n + " x " + type + " at "
                    + rates.licencePerSeatMonthly().get(type).toPlainString()));
            return String.join(" + ", parts);
        }

        // ---------------------------------------------------------------- WFM

        private void wfm(BigDecimal invoicedAmount) {
            Map<Attribution, BigDecimal> scheduled = new TreeMap<>(ATTRIBUTION_ORDER);
            Map<String, BigDecimal[]> daily = new TreeMap<>();
            for (OrgRecord.WfmShift shift : tenant.shifts()) {
                Instant from;
                Instant to;
                try {
                    ZoneId zone = ZoneId.of(shift.timeZone());
                    // the zone's rules place local times in UTC, DST changes included
                    from = shift.localStart().atZone(zone).toInstant();
                    to = shift.localEnd().atZone(zone).toInstant();
                } catch (DateTimeException e) {
                    finding(ChargebackFinding.INVALID_TIME_ZONE, "shift " + shift.shiftId(), "time zone '"
                            + shift.timeZone() + "' is not known; the shift is not counted");
                    continue;
                }
                if (from.isBefore(start) || !from.isBefore(end)) {
                    continue;
                }
                BigDecimal minutes = BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                        .divide(SIXTY, 4, RoundingMode.HALF_UP);
                Attribution a = users.getOrDefault(shift.userId(),
                        Attribution.unallocated(Attribution.UNKNOWN_USER, "user " + shift.userId()));
                scheduled.merge(a, minutes, BigDecimal::add);
                BigDecimal[] day = daily.computeIfAbsent(a.target().id() + " " + shift.localStart().toLocalDate(),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                day[0] = day[0].add(minutes);
                day[1] = day[1].add(BigDecimal.valueOf(shift.availableMinutes()));
            }
            daily.forEach((subject, day) -> {
                if (day[0].signum() > 0) {
                    BigDecimal pct = day[0].subtract(day[1]).abs().multiply(HUNDRED).divide(day[0], 2,
                            RoundingMode.HALF_UP);
                    if (pct.compareTo(policy.wfmVariancePercent()) > 0) {
                        finding(ChargebackFinding.WFM_VARIANCE, subject, "scheduled " + day[0].toPlainString()
                                + " min, available " + day[1].toPlainString() + " min: " + pct.toPlainString()
                                + " % apart (over " + policy.wfmVariancePercent().toPlainString() + " %)");
                    }
                }
            });
            Map<CostCentreRef, Map<String, BigDecimal>> overflow = overflowHandleMinutes();
            List<Part> parts = new ArrayList<>();
            BigDecimal ratedTotal = BigDecimal.ZERO;
            for (Map.Entry<Attribution, BigDecimal> e : scheduled.entrySet()) {
                Attribution a = e.getKey();
                BigDecimal minutes = e.getValue();
                ratedTotal = ratedTotal.add(minutes.multiply(rates.wfmPerScheduledMinute()));
                Map<String, BigDecimal> handled = Attribution.STANDARD.equals(a.reason())
                        ? overflow.getOrDefault(a.target(), Map.of()) : Map.of();
                BigDecimal overflowMinutes = handled.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                // the incremental WFM cost of overflow handled here cannot exceed what was scheduled here
                BigDecimal scale = overflowMinutes.compareTo(minutes) > 0
                        ? minutes.divide(overflowMinutes, 10, RoundingMode.HALF_UP) : BigDecimal.ONE;
                BigDecimal own = minutes;
                for (Map.Entry<String, BigDecimal> h : handled.entrySet()) {
                    BigDecimal m = h.getValue().multiply(scale);
                    own = own.subtract(m);
                    parts.add(new Part(key(a.target(), WFM, CROSS_QUEUE_OVERFLOW, h.getKey(), "SCHEDULED_MINUTES"),
                            m.multiply(rates.wfmPerScheduledMinute()), m, "minutes", null,
                            "incremental WFM cost of calls overflowing from " + h.getKey() + ": "
                                    + m.stripTrailingZeros().toPlainString() + " handle minutes x "
                                    + rates.wfmPerScheduledMinute().toPlainString()));
                }
                parts.add(new Part(key(a.target(), WFM, a.reason(), a.origin(), "SCHEDULED_MINUTES"),
                        own.multiply(rates.wfmPerScheduledMinute()), own, "minutes", null,
                        own.stripTrailingZeros().toPlainString() + " scheduled minutes (UTC) x "
                                + rates.wfmPerScheduledMinute().toPlainString()));
            }
            rated.merge(WFM, ratedTotal, BigDecimal::add);
            pool(invoicedAmount, withResidual(parts, invoicedAmount, WFM));
        }

        /** Handle minutes (talk, hold, wrap-up) of overflow calls: handling cost centre -> originating one. */
        private Map<CostCentreRef, Map<String, BigDecimal>> overflowHandleMinutes() {
            Map<CostCentreRef, Map<String, BigDecimal>> overflow = new HashMap<>();
            for (OrgRecord.Conversation c : conversations()) {
                Attribution origin = origin(c);
                Attribution handling = queue(c.queueId());
                if (!origin.target().equals(handling.target())) {
                    overflow.computeIfAbsent(handling.target(), k -> new TreeMap<>())
                            .merge(origin.target().id(), BigDecimal.valueOf(c.talkSeconds() + c.holdSeconds()
                                    + c.wrapUpSeconds()).divide(SIXTY, 4, RoundingMode.HALF_UP), BigDecimal::add);
                }
            }
            return overflow;
        }

        // ---------------------------------------------------------------- analytics, API and storage

        private void analytics(BigDecimal invoicedAmount) {
            Map<Attribution, BigDecimal> minutes = new TreeMap<>(ATTRIBUTION_ORDER);
            for (OrgRecord.AnalyticsUsage u : tenant.analytics()) {
                LocalDate day = LocalDate.parse(u.day());
                if (!day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(start)
                        && day.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(end)) {
                    minutes.merge(queue(u.queueId()), u.processedMinutes(), BigDecimal::add);
                }
            }
            List<Part> parts = new ArrayList<>();
            BigDecimal ratedTotal = BigDecimal.ZERO;
            for (Map.Entry<Attribution, BigDecimal> e : minutes.entrySet()) {
                BigDecimal cost = e.getValue().multiply(rates.analyticsPerProcessedMinute());
                ratedTotal = ratedTotal.add(cost);
                parts.add(new Part(key(e.getKey().target(), ANALYTICS, e.getKey().reason(), e.getKey().origin(),
                        "PROCESSED_MINUTES"), cost, e.getValue(), "minutes", null,
                        e.getValue().toPlainString() + " processed minutes x "
                                + rates.analyticsPerProcessedMinute().toPlainString()));
            }
            rated.merge(ANALYTICS, ratedTotal, BigDecimal::add);
            pool(invoicedAmount, withResidual(parts, invoicedAmount, ANALYTICS));
        }

        private void apiStorage(BigDecimal invoicedAmount) {
            if (invoicedAmount.signum() == 0) {
                return;
            }
            SortedMap<LineKey, BigDecimal> weights = new TreeMap<>();
            for (OrgRecord.User u : tenant.users()) {
                if (u.status() == OrgRecord.UserStatus.ACTIVE) {
                    Attribution a = users.get(u.userId());
                    weights.merge(key(a.target(), API_STORAGE, a.reason(), a.origin(), "PRO_RATA_USERS"),
                            BigDecimal.ONE, BigDecimal::add);
                }
            }
            splitByWeights(invoicedAmount, weights, "users", "active users", API_STORAGE, "");
        }

        /** The vendor's per-queue aggregates against the period's conversation records, queue by queue. */
        private void queueMetrics() {
            if (tenant.queueMetrics().isEmpty()) {
                return;
            }
            Map<String, BigDecimal[]> vendor = new TreeMap<>();
            for (OrgRecord.QueueMetrics m : tenant.queueMetrics()) {
                BigDecimal[] sums = vendor.computeIfAbsent(m.queueId(), k -> new BigDecimal[] {BigDecimal.ZERO,
                    BigDecimal.ZERO});
                sums[0] = sums[0].add(BigDecimal.valueOf(m.connected()));
                sums[1] = sums[1].add(m.talkSeconds()).add(m.heldSeconds()).add(m.acwSeconds());
            }
            Map<String, BigDecimal[]> records = new TreeMap<>();
            for (OrgRecord.Conversation c : conversations()) {
                BigDecimal[] sums = records.computeIfAbsent(String.valueOf(c.queueId()),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(BigDecimal.ONE);
                sums[1] = sums[1].add(BigDecimal.valueOf(c.talkSeconds() + c.holdSeconds() + c.wrapUpSeconds()));
            }
            Set<String> ids = new TreeSet<>(vendor.keySet());
            ids.addAll(records.keySet());
            BigDecimal[] none = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (String id : ids) {
                BigDecimal[] v = vendor.getOrDefault(id, none);
                BigDecimal[] r = records.getOrDefault(id, none);
                if (v[0].compareTo(r[0]) != 0 || v[1].compareTo(r[1]) != 0) {
                    finding(ChargebackFinding.QUEUE_METRICS_MISMATCH, tenant.tenantId() + " queue " + id,
                            "the vendor's aggregates give " + v[0].toPlainString() + " connected conversations and "
                                    + v[1].stripTrailingZeros().toPlainString() + " s of talk, hold and wrap-up; the"
                                    + " extracted conversations " + r[0].toPlainString() + " and "
                                    + r[1].toPlainString() + " s");
                }
            }
        }

        // ---------------------------------------------------------------- telephony

        private void telephony(List<OrgRecord.PlatformCharge> charges) {
            Map<String, TelephonyModel> models = new HashMap<>();
            tenant.trunks().forEach(t -> models.put(t.trunkId(), telephonyModel(t)));
            BigDecimal minutesAll = BigDecimal.ZERO;
            for (OrgRecord.Conversation c : conversations()) {
                minutesAll = minutesAll.add(channelMinutes(c));
            }
            rated.merge(TELEPHONY, minutesAll.multiply(rates.telephonyPerMinute()), BigDecimal::add);
            for (OrgRecord.PlatformCharge charge : charges) {
                List<OrgRecord.Conversation> traffic = conversations().stream()
                        .filter(c -> charge.trunkId() == null || charge.trunkId().equals(c.trunkId())).toList();
                TelephonyModel model = charge.trunkId() == null ? TelephonyModel.VOLUME
                        : models.getOrDefault(charge.trunkId(), rates.sharedResourceAllocation());
                boolean byConcurrency = model == TelephonyModel.CONCURRENCY_WEIGHTED
                        || model == TelephonyModel.HYBRID && "CAPACITY".equals(charge.chargeType());
                String trunk = charge.trunkId() == null ? "all trunks" : "trunk " + charge.trunkId();
                String method = model + ":" + charge.chargeType();
                SortedMap<LineKey, BigDecimal> weights = byConcurrency
                        ? peakWeights(traffic, trunk, method) : minuteWeights(traffic, trunk, method);
                if (weights.values().stream().allMatch(w -> w.signum() == 0)) {
                    finding(ChargebackFinding.NO_TRAFFIC, trunk, "invoice line " + charge.lineId() + " ("
                            + charge.amount() + ") has no traffic to allocate by; it is left in Unallocated");
                    pool(charge.amount(), List.of(new Part(key(CostCentreRef.UNALLOCATED, TELEPHONY, NO_TRAFFIC,
                            trunk, method), charge.amount(), BigDecimal.ZERO, "", null,
                            "invoice line " + charge.lineId() + " without traffic")));
                    continue;
                }
                splitByWeights(charge.amount(), weights, byConcurrency ? "channels" : "minutes",
                        byConcurrency ? "peak concurrent channels" : "channel minutes", TELEPHONY,
                        " of invoice line " + charge.lineId() + " (" + charge.chargeType() + ", " + trunk + ", "
                                + model + ")");
            }
        }

        private SortedMap<LineKey, BigDecimal> minuteWeights(List<OrgRecord.Conversation> traffic, String trunk,
                                                             String method) {
            SortedMap<LineKey, BigDecimal> weights = new TreeMap<>();
            for (OrgRecord.Conversation c : traffic) {
                Attribution origin = origin(c);
                boolean overflow = !origin.target().equals(queue(c.queueId()).target());
                weights.merge(key(origin.target(), TELEPHONY, overflow ? CROSS_QUEUE_OVERFLOW : origin.reason(),
                        overflow || origin.origin().isEmpty() ? trunk : origin.origin(), method),
                        channelMinutes(c), BigDecimal::add);
            }
            return weights;
        }

        private SortedMap<LineKey, BigDecimal> peakWeights(List<OrgRecord.Conversation> traffic, String trunk,
                                                           String method) {
            Map<LineKey, Intervals> channels = new TreeMap<>();
            for (OrgRecord.Conversation c : traffic) {
                Attribution origin = origin(c);
                channels.computeIfAbsent(key(origin.target(), TELEPHONY, origin.reason(),
                        origin.origin().isEmpty() ? trunk : origin.origin(), method), k -> new Intervals())
                        .add(c.start(), c.start().plusSeconds(c.talkSeconds() + c.holdSeconds()));
            }
            SortedMap<LineKey, BigDecimal> weights = new TreeMap<>();
            channels.forEach((k, intervals) -> weights.put(k, BigDecimal.valueOf(intervals.peak())));
            return weights;
        }

        private TelephonyModel telephonyModel(OrgRecord.Trunk trunk) {
            String declared = trunk.attributes().get(ChargebackPolicy.MODEL_ATTRIBUTE);
            if (declared == null) {
                return rates.sharedResourceAllocation();
            }
            try {
                return TelephonyModel.valueOf(declared);
            } catch (IllegalArgumentException e) {
                finding(ChargebackFinding.INVALID_ALLOCATION_MODEL, "trunk " + trunk.trunkId(),
                        "allocation model '" + declared
                        + "' is not VOLUME, CONCURRENCY_WEIGHTED or HYBRID; the registry default "
                        + rates.sharedResourceAllocation() + " applies");
                return rates.sharedResourceAllocation();
            }
        }

        private List<OrgRecord.Conversation> conversations() {
            return tenant.conversations().stream()
                    .filter(c -> !c.start().isBefore(start) && c.start().isBefore(end)).toList();
        }

        /** The originating unit: the initial queue's cost centre (the answering queue's when none is recorded). */
        private Attribution origin(OrgRecord.Conversation c) {
            return queue(c.initialQueueId() == null ? c.queueId() : c.initialQueueId());
        }

        private Attribution queue(String queueId) {
            return queues.getOrDefault(queueId, Attribution.unallocated(Attribution.UNKNOWN_QUEUE,
                    "queue " + queueId));
        }

        private BigDecimal channelMinutes(OrgRecord.Conversation c) {
            return BigDecimal.valueOf(c.talkSeconds() + c.holdSeconds()).divide(SIXTY, 4, RoundingMode.HALF_UP);
        }

        // ---------------------------------------------------------------- pools

        private void splitByWeights(BigDecimal amount, SortedMap<LineKey, BigDecimal> weights, String unit,
                                    String driver, String category, String of) {
            BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() == 0) {
                pool(amount, List.of(new Part(key(CostCentreRef.UNALLOCATED, category, NO_TRAFFIC, "",
                        "INVOICE"), amount, BigDecimal.ZERO, "", null, "no " + driver + " to allocate by")));
                return;
            }
            Map<LineKey, BigDecimal> cents = PoolSplit.split(amount, weights);
            List<Part> parts = new ArrayList<>();
            weights.forEach((k, w) -> parts.add(new Part(k, cents.get(k), w, unit, null,
                    w.stripTrailingZeros().toPlainString() + " of " + total.stripTrailingZeros().toPlainString()
                            + " " + driver + of)));
            pool(amount, parts);
        }

        /** Adds the difference between invoice and rated cost as a PLATFORM_VARIANCE line in Unallocated. */
        private List<Part> withResidual(List<Part> parts, BigDecimal invoicedAmount, String category) {
            BigDecimal ratedAmount = parts.stream().map(Part::exact).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal residual = invoicedAmount.subtract(ratedAmount);
            List<Part> all = new ArrayList<>(parts);
            if (residual.signum() != 0) {
                all.add(new Part(key(CostCentreRef.UNALLOCATED, category, PLATFORM_VARIANCE, "", "INVOICE_RESIDUAL"),
                        residual, BigDecimal.ZERO, "", null, "invoiced " + invoicedAmount.toPlainString()
                        + " minus rated " + ratedAmount.stripTrailingZeros().toPlainString()));
            }
            return all;
        }

        /** Rounds a pool's parts to cents adding up to the pool (largest remainder) and books them. */
        private void pool(BigDecimal amount, List<Part> parts) {
            if (parts.isEmpty()) {
                return;
            }
            SortedMap<LineKey, Part> merged = new TreeMap<>();
            for (Part p : parts) {
                merged.merge(p.key(), p, (a, b) -> new Part(a.key(), a.exact().add(b.exact()),
                        a.quantity().add(b.quantity()), a.unit(), a.utilisation(), a.detail() + "; " + b.detail()));
            }
            SortedMap<LineKey, BigDecimal> exact = new TreeMap<>();
            merged.forEach((k, p) -> exact.put(k, p.exact()));
            Map<LineKey, BigDecimal> cents = PoolSplit.cents(exact, amount);
            merged.forEach((k, p) -> lines.merge(k, new AllocationLine(k, cents.get(k), p.quantity(), p.unit(),
                    p.utilisation(), p.detail()), (a, b) -> new AllocationLine(k, a.amount().add(b.amount()),
                    a.quantity().add(b.quantity()), a.unit(), a.utilisation(), a.detail() + "; " + b.detail())));
        }

        private LineKey key(CostCentreRef centre, String category, String reason, String origin, String method) {
            return new LineKey(tenant.vendor(), tenant.tenantId(), tenant.invoiceId(), centre.division(),
                    centre.code(), centre.businessUnit(), category, reason, origin, method);
        }

        private Attribution note(Attribution a, String subject) {
            switch (a.reason()) {
                case Attribution.GHOST_COST_CENTRE -> finding(ChargebackFinding.GHOST_COST_CENTRE, a.origin(),
                        "not on the HRIS whitelist for the period (first seen on " + subject + "); its charges go to"
                                + " Unallocated for review");
                case Attribution.INVALID_COST_CENTRE -> finding(ChargebackFinding.INVALID_COST_CENTRE,
                        a.origin() + " on " + subject, "the code does not have the cost-centre format "
                                + policy.costCentrePattern().pattern() + "; charges go to Unallocated");
                case Attribution.MISSING_COST_CENTRE -> finding(ChargebackFinding.MISSING_COST_CENTRE, subject,
                        "no cost-centre attribute (" + String.join(", ", policy.costCentreAttributes())
                                + "); charges go to Unallocated");
                default -> { }
            }
            return a;
        }

        private void finding(String kind, String subject, String detail) {
            findings.putIfAbsent(kind + " " + subject, new ChargebackFinding(kind, subject, detail));
        }

        AllocationResult result() {
            List<AllocationLine> all = new ArrayList<>(lines.values());
            Manifest manifest = manifest(all);
            if (manifest.flaggedForReview()) {
                finding(ChargebackFinding.MANIFEST_VARIANCE, "period", "allocated "
                        + manifest.totalAllocated().toPlainString() + " of platform spend "
                        + manifest.platformSpend().toPlainString() + ": variance "
                        + manifest.variancePercent().toPlainString() + " % is over "
                        + manifest.thresholdPercent().toPlainString() + " %");
            }
            return new AllocationResult(all, manifest, new ArrayList<>(findings.values()));
        }

        private Manifest manifest(List<AllocationLine> all) {
            Function<List<AllocationLine>, BigDecimal> total = ls -> ls.stream().map(AllocationLine::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<String, Manifest.Category> categories = new LinkedHashMap<>();
            invoiced.forEach((category, amount) -> {
                List<AllocationLine> ofCategory = all.stream().filter(l -> l.key().category().equals(category))
                        .toList();
                BigDecimal unallocated = total.apply(ofCategory.stream()
                        .filter(l -> l.key().centre().unallocated()).toList());
                BigDecimal ratedAmount = rated.containsKey(category)
                        ? rated.get(category).setScale(2, RoundingMode.HALF_UP) : null;
                categories.put(category, new Manifest.Category(amount, ratedAmount,
                        ratedAmount == null ? null : percent(amount.subtract(ratedAmount), amount),
                        total.apply(ofCategory).subtract(unallocated), unallocated));
            });
            BigDecimal spend = invoiced.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal charged = total.apply(all);
            BigDecimal unallocated = total.apply(all.stream().filter(l -> l.key().centre().unallocated()).toList());
            BigDecimal allocated = charged.subtract(unallocated);
            BigDecimal variance = spend.subtract(allocated);
            BigDecimal pct = percent(variance, spend);
            return new Manifest(spend, charged, spend.subtract(charged), allocated, unallocated, variance, pct,
                    policy.manifestVariancePercent(),
                    pct != null && pct.abs().compareTo(policy.manifestVariancePercent()) > 0, categories);
        }
    }

    private static final Comparator<Attribution> ATTRIBUTION_ORDER = Comparator
            .comparing((Attribution a) -> a.target().id()).thenComparing(a -> a.target().businessUnit())
            .thenComparing(Attribution::reason).thenComparing(Attribution::origin);

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.multiply(HUNDRED).divide(whole, 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<OrgRecord.PlatformCharge> charges) {
        return charges == null ? BigDecimal.ZERO : charges.stream().map(OrgRecord.PlatformCharge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
