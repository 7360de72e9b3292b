package io.billinghub.sandbox.cxone;

import io.billinghub.sandbox.Weighted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Generates a deterministic month of CXone usage for a synthetic contact-centre tenant: the same seed, period,
 * reporting zone and tenant size always give the same lines (one {@link SplittableRandom}, drawn in a fixed order;
 * decimal arithmetic only; no clock).
 *
 * <p>What the month contains (the default is 2026-10, America/New_York, 300 users, seed 20261001):
 * <ul>
 *   <li><b>Users</b> usr_00001..: each on one cost centre, in fixed shares per 300 users: cc_marketing 40,
 *       cc_support_tier1 90, cc_support_tier2 60, cc_sales 50, cc_collections 30, cc_ca_support 26 (Canadian:
 *       every line in CAD, taxRate 0.13) and cc_legacy_ops 4 (a cost centre the hub's mapping leaves unmapped).
 *       The first tenth (rounded up) of each cost centre's users are supervisors.</li>
 *   <li><b>VOICE_CALL</b>: 2..6 calls per active user on each working day, 0..2 on a holiday, one call with a
 *       30 % chance on a weekend day, at local times 07:00..23:59, 10..1800 s (log-normal, median 4 min),
 *       costAmount = seconds × per-minute rate / 60 (HALF_UP, 4 decimals). cc_sales only calls out, so it has no
 *       IVR usage at all.</li>
 *   <li><b>IVR_MINUTES</b>: 30 % of inbound calls first spend 10..300 s in the IVR: a line just before the call,
 *       on the same user, number and cost centre.</li>
 *   <li><b>RECORDING_STORAGE</b>: one line per user, at 12:00 local on the month's last day, durationSeconds = the
 *       user's recorded call seconds in the month.</li>
 *   <li><b>LICENSE_AGENT / LICENSE_SUPERVISOR</b>: one line per user at local midnight of the service start
 *       (for most users exactly the report window's startDate). Full month: the monthly price, proratedFlag false.
 *       A dozen users start or leave mid-month: proratedFlag true and costAmount = monthly price × active working
 *       days / working days of the month (Mon-Fri minus {@link WorkingDays} holidays, counted in
 *       [serviceStart, serviceEnd]), rounded HALF_UP to 2 decimals once; except the fifth of them, billed 0.05
 *       more (a "regional licensing override"). The first prorated user is a Canadian agent, the second a
 *       supervisor.</li>
 *   <li><b>Taxes</b>: taxAmount = costAmount × taxRate, HALF_UP to 4 decimals; except up to 5 Canadian lines whose
 *       exact tax is a tie at the 5th decimal and is rounded HALF_EVEN (0.0001 below HALF_UP), and 3 US calls
 *       of at least 1.00 taxed at 0.0875 although their taxRate says 0.08 (a jurisdictional override).</li>
 *   <li><b>Credit memo</b> CM-yyyy-MM-001: two lines at 10:00 local three days before month end, crediting in
 *       full one full-month agent licence and one call of at least 1.00 (negative costAmount and taxAmount,
 *       same featureType, user and cost centre, correctsLineId naming the credited line).</li>
 *   <li><b>Time-zone boundary</b>: the lines start at 00:00Z on the 1st (the evening of the previous local month:
 *       outside its report window), evening calls of every local day fall on the next UTC day, and four probe
 *       calls sit at startDate - 1 s, 22:30 local on the last day, exactly endDate, and endDate + 1 s.</li>
 * </ul>
 */
public final class CxoneMonthGenerator {

    public static final long DEFAULT_SEED = 20261001L;
    public static final YearMonth DEFAULT_PERIOD = YearMonth.of(2026, 10);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    public static final int DEFAULT_USERS = 300;
    /** The smallest tenant that still has every feature (a dozen prorations need enough users). */
    public static final int MIN_USERS = 50;

    public static final String USD = "USD";
    public static final String CAD = "CAD";
    public static final String LEGACY_COST_CENTRE = "cc_legacy_ops";
    public static final String CANADIAN_COST_CENTRE = "cc_ca_support";
    /** The jurisdictional override's tax rate (the lines still say taxRate 0.08). */
    public static final BigDecimal OVERRIDE_TAX_RATE = new BigDecimal("0.0875");
    /** What the wrongly prorated licence is billed above the calculated amount. */
    public static final BigDecimal PRORATION_OVERRIDE = new BigDecimal("0.05");

    /**
     * A cost centre of the tenant.
     *
     * @param usersPer300    its users in a tenant of 300
     * @param inboundPercent share of its calls that are inbound
     */
    public record CostCentre(String id, int usersPer300, String currency, BigDecimal taxRate, int inboundPercent) {
    }

    public static final List<CostCentre> COST_CENTRES = List.of(
            new CostCentre("cc_marketing", 40, USD, new BigDecimal("0.08"), 50),
            new CostCentre("cc_support_tier1", 90, USD, new BigDecimal("0.08"), 85),
            new CostCentre("cc_support_tier2", 60, USD, new BigDecimal("0.08"), 85),
            new CostCentre("cc_sales", 50, USD, new BigDecimal("0.08"), 0),
            new CostCentre("cc_collections", 30, USD, new BigDecimal("0.08"), 20),
            new CostCentre(CANADIAN_COST_CENTRE, 26, CAD, new BigDecimal("0.13"), 85),
            new CostCentre(LEGACY_COST_CENTRE, 4, USD, new BigDecimal("0.08"), 60));

    /** Monthly licence prices (mappings/cxone-licence-prices.csv). */
    public static final Map<CxoneFeatureType, Map<String, BigDecimal>> LICENCE_PRICES = Map.of(
            CxoneFeatureType.LICENSE_AGENT, Map.of(USD, new BigDecimal("95.00"), CAD, new BigDecimal("128.25")),
            CxoneFeatureType.LICENSE_SUPERVISOR, Map.of(USD, new BigDecimal("140.00"), CAD, new BigDecimal("189.00")));

    /** Per-minute prices of calls, IVR time and stored recordings, per currency. */
    static final Map<String, BigDecimal> INBOUND_PER_MINUTE =
            Map.of(USD, new BigDecimal("0.0950"), CAD, new BigDecimal("0.1300"));
    static final Map<String, BigDecimal> OUTBOUND_PER_MINUTE =
            Map.of(USD, new BigDecimal("0.1100"), CAD, new BigDecimal("0.1500"));
    static final Map<String, BigDecimal> IVR_PER_MINUTE =
            Map.of(USD, new BigDecimal("0.0200"), CAD, new BigDecimal("0.0275"));
    static final Map<String, BigDecimal> STORAGE_PER_MINUTE =
            Map.of(USD, new BigDecimal("0.0040"), CAD, new BigDecimal("0.0055"));

    private static final int AMOUNT_SCALE = 4;
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final int PRORATED_USERS = 12;
    /** Index among the prorated users of the one billed PRORATION_OVERRIDE too much. */
    private static final int WRONG_PRORATION = 4;
    private static final int ROUNDING_QUIRKS = 5;
    private static final int TAX_OVERRIDES = 3;
    private static final double IVR_SHARE = 0.30;
    private static final double MEDIAN_CALL_SECONDS = 240;
    private static final double CALL_SIGMA = 0.8;
    /** Relative call volume per local hour, 07:00 to 23:00; hours 20..23 are the next day in UTC. */
    private static final int FIRST_HOUR = 7;
    private static final int[] HOUR_WEIGHTS = {3, 8, 12, 13, 13, 11, 12, 13, 12, 11, 9, 7, 5, 4, 3, 2, 2};

    private static final List<String> SURNAMES = List.of("johnson", "smith", "williams", "brown", "jones",
            "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson",
            "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white",
            "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king",
            "wright", "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall",
            "rivera", "campbell", "mitchell", "carter", "roberts", "tremblay", "gagnon", "roy", "cote", "bouchard");

    private static final List<Weighted<String>> US_NUMBERS = List.of(new Weighted<>("+1212555", 30),
            new Weighted<>("+1646555", 15), new Weighted<>("+1312555", 20), new Weighted<>("+1415555", 20),
            new Weighted<>("+1713555", 15));
    private static final List<Weighted<String>> CA_NUMBERS =
            List.of(new Weighted<>("+1416555", 70), new Weighted<>("+1604555", 30));

    /** A user of the tenant and the days their licence covers. */
    private record User(String userId, String userName, String phoneNumber, CostCentre costCentre,
                        boolean supervisor, LocalDate serviceStart, LocalDate serviceEnd, boolean starter) {
        boolean activeOn(LocalDate day) {
            if (day.isBefore(serviceStart)) {
                // The day before the month: users who did not start this month were already working.
                return !starter;
            }
            return !day.isAfter(serviceEnd);
        }

        CxoneFeatureType licence() {
            return supervisor ? CxoneFeatureType.LICENSE_SUPERVISOR : CxoneFeatureType.LICENSE_AGENT;
        }
    }

    private final long seed;
    private final YearMonth period;
    private final ZoneId zone;
    private final WorkingDays workingDays;
    private final SplittableRandom random;
    private final Instant spanStart;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final List<User> users = new ArrayList<>();
    private final List<CxoneReportLine> lines = new ArrayList<>();
    private final List<CxoneMonth.ProratedLicence> prorated = new ArrayList<>();
    private long lineCounter;

    private CxoneMonthGenerator(long seed, YearMonth period, ZoneId zone, WorkingDays workingDays) {
        this.seed = seed;
        this.period = period;
        this.zone = zone;
        this.workingDays = workingDays;
        this.random = new SplittableRandom(seed);
        this.spanStart = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.windowStart = CxoneMonth.windowStart(period, zone);
        this.windowEnd = CxoneMonth.windowEnd(period, zone);
    }

    /** The default month: 2026-10, America/New_York, 300 users, seed 20261001, the standard calendar. */
    public static CxoneMonth generateDefault() {
        return generate(DEFAULT_SEED, DEFAULT_PERIOD, DEFAULT_ZONE, DEFAULT_USERS, WorkingDays.standard());
    }

    /**
     * @param users tenant size (at least {@value #MIN_USERS})
     * @throws IllegalArgumentException on a tenant too small, or a zone where the local month starts after the UTC
     *                                  month (east of UTC: this tenant model is for the Americas)
     */
    public static CxoneMonth generate(long seed, YearMonth period, ZoneId zone, int users, WorkingDays workingDays) {
        if (users < MIN_USERS) {
            throw new IllegalArgumentException("a CXone sandbox tenant needs at least " + MIN_USERS
                    + " users, was " + users);
        }
        CxoneMonthGenerator generator = new CxoneMonthGenerator(seed, period, zone, workingDays);
        if (generator.windowStart.isBefore(generator.spanStart)) {
            throw new IllegalArgumentException("reporting zone " + zone
                    + " is east of UTC; use a zone in the Americas");
        }
        return generator.run(users);
    }

    private CxoneMonth run(int userCount) {
        createUsers(userCount);
        List<User> proratedUsers = prorate();
        for (LocalDate day = period.atDay(1).minusDays(1); !day.isAfter(period.atEndOfMonth());
             day = day.plusDays(1)) {
            for (User user : users) {
                int calls = user.activeOn(day) ? callsOn(day) : 0;
                for (int i = 0; i < calls; i++) {
                    call(user, localInstant(day, randomLocalTime()));
                }
            }
        }
        String beforeWindow = probe(windowStart.minusSeconds(1));
        String lateLastDay = probe(localInstant(period.atEndOfMonth(), LocalTime.of(22, 30)));
        String atWindowEnd = probe(windowEnd);
        String afterWindow = probe(windowEnd.plusSeconds(1));
        String wrongProration = licences(proratedUsers);
        // The span: from the UTC month's start (earlier local-evening calls of the day before are dropped).
        lines.removeIf(line -> line.usageDate().isBefore(spanStart));
        storage();
        List<String> creditLines = creditMemo();
        List<String> quirks = roundingQuirks(creditLines);
        List<String> overrides = taxOverrides(creditLines);
        lines.sort(Comparator.comparing(CxoneReportLine::usageDate).thenComparing(CxoneReportLine::lineId));
        CxoneMonth.Features features = new CxoneMonth.Features(List.copyOf(prorated), wrongProration, quirks,
                overrides, creditMemoId(), creditLines, beforeWindow, lateLastDay, atWindowEnd, afterWindow);
        return new CxoneMonth(period, zone, lines, features);
    }

    // ---- users ----

    private void createUsers(int count) {
        List<CostCentre> slots = new ArrayList<>();
        int assigned = 0;
        for (CostCentre centre : COST_CENTRES) {
            int n = Math.max(1, count * centre.usersPer300() / DEFAULT_USERS);
            assigned += n;
            for (int i = 0; i < n; i++) {
                slots.add(centre);
            }
        }
        // Rounding leftovers (or excess) go to the largest cost centre.
        CostCentre largest = COST_CENTRES.get(1);
        for (; assigned < count; assigned++) {
            slots.add(largest);
        }
        for (; assigned > count; assigned--) {
            slots.remove(largest);
        }
        for (int i = slots.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            CostCentre swap = slots.get(i);
            slots.set(i, slots.get(j));
            slots.set(j, swap);
        }
        Map<String, Integer> perCentre = new HashMap<>();
        for (CostCentre centre : slots) {
            perCentre.merge(centre.id(), 1, Integer::sum);
        }
        Map<String, Integer> seenPerCentre = new HashMap<>();
        Map<String, Integer> nameUses = new HashMap<>();
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            CostCentre centre = slots.get(i);
            int seen = seenPerCentre.merge(centre.id(), 1, Integer::sum);
            boolean supervisor = seen <= (perCentre.get(centre.id()) + 9) / 10;
            String base = (supervisor ? "supervisor." : "agent.") + SURNAMES.get(random.nextInt(SURNAMES.size()));
            int uses = nameUses.merge(base, 1, Integer::sum);
            String userName = uses == 1 ? base : base + uses;
            String number;
            do {
                number = pick(CAD.equals(centre.currency()) ? CA_NUMBERS : US_NUMBERS)
                        + String.format("%04d", random.nextInt(10_000));
            } while (!numbers.add(number));
            users.add(new User(String.format("usr_%05d", i + 1), userName, number, centre, supervisor,
                    period.atDay(1), period.atEndOfMonth(), false));
        }
    }

    /**
     * Picks the users who start or leave mid-month: the first a Canadian agent (a starter), the second a US
     * supervisor (a leaver), the rest any user off the unmapped cost centre, alternately starting and leaving.
     */
    private List<User> prorate() {
        int count = Math.min(PRORATED_USERS, users.size() / 10);
        List<Integer> chosen = new ArrayList<>();
        chosen.add(pickIndex(u -> u.costCentre().id().equals(CANADIAN_COST_CENTRE) && !u.supervisor(), chosen));
        chosen.add(pickIndex(u -> u.supervisor() && USD.equals(u.costCentre().currency())
                && !u.costCentre().id().equals(LEGACY_COST_CENTRE), chosen));
        while (chosen.size() < count) {
            chosen.add(pickIndex(u -> !u.costCentre().id().equals(LEGACY_COST_CENTRE), chosen));
        }
        List<User> result = new ArrayList<>();
        int length = period.lengthOfMonth();
        for (int k = 0; k < chosen.size(); k++) {
            int index = chosen.get(k);
            User user = users.get(index);
            User changed = k % 2 == 0
                    ? new User(user.userId(), user.userName(), user.phoneNumber(), user.costCentre(),
                    user.supervisor(), period.atDay(6 + random.nextInt(length - 10)), period.atEndOfMonth(), true)
                    : new User(user.userId(), user.userName(), user.phoneNumber(), user.costCentre(),
                    user.supervisor(), period.atDay(1), period.atDay(5 + random.nextInt(length - 8)), false);
            users.set(index, changed);
            result.add(changed);
        }
        return result;
    }

    private int pickIndex(Predicate<User> eligible, List<Integer> taken) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            if (eligible.test(users.get(i)) && !taken.contains(i)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("no user left to prorate");
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    // ---- calls ----

    private int callsOn(LocalDate day) {
        if (workingDays.isWorkingDay(day)) {
            return 2 + random.nextInt(5);
        }
        if (workingDays.isHoliday(day)) {
            return random.nextInt(3);
        }
        return random.nextInt(10) < 3 ? 1 : 0;
    }

    private void call(User user, Instant start) {
        CostCentre centre = user.costCentre();
        boolean inbound = random.nextInt(100) < centre.inboundPercent();
        int seconds = callSeconds();
        if (inbound && random.nextDouble() < IVR_SHARE) {
            int ivrSeconds = 10 + random.nextInt(291);
            Instant ivrStart = start.minusSeconds(ivrSeconds + 1L + random.nextInt(5));
            add(user, ivrStart, CxoneFeatureType.IVR_MINUTES, "INBOUND", ivrSeconds,
                    perMinute(ivrSeconds, IVR_PER_MINUTE.get(centre.currency())));
        }
        BigDecimal rate = (inbound ? INBOUND_PER_MINUTE : OUTBOUND_PER_MINUTE).get(centre.currency());
        add(user, start, CxoneFeatureType.VOICE_CALL, inbound ? "INBOUND" : "OUTBOUND", seconds,
                perMinute(seconds, rate));
    }

    /** A call at an exact instant by a full-month user off the unmapped cost centre. */
    private String probe(Instant at) {
        List<User> eligible = users.stream().filter(u -> !u.starter() && u.serviceEnd().equals(period.atEndOfMonth())
                && !u.costCentre().id().equals(LEGACY_COST_CENTRE)).toList();
        call(eligible.get(random.nextInt(eligible.size())), at);
        return lines.get(lines.size() - 1).lineId();
    }

    private LocalTime randomLocalTime() {
        int total = 0;
        for (int weight : HOUR_WEIGHTS) {
            total += weight;
        }
        int draw = random.nextInt(total);
        int hour = 0;
        while (draw >= HOUR_WEIGHTS[hour]) {
            draw -= HOUR_WEIGHTS[hour];
            hour++;
        }
        return LocalTime.of(FIRST_HOUR + hour, random.nextInt(60), random.nextInt(60));
    }

    /** Log-normal call time (median 4 min), clamped to 10 s .. 30 min. */
    private int callSeconds() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        long seconds = Math.round(StrictMath.exp(StrictMath.log(MEDIAN_CALL_SECONDS) + CALL_SIGMA * gaussian));
        return (int) Math.max(10, Math.min(1800, seconds));
    }

    // ---- licences and storage ----

    /** One licence line per user; returns the id of the wrongly prorated one. */
    private String licences(List<User> proratedUsers) {
        int monthDays = workingDays.count(period);
        String wrong = null;
        for (User user : users) {
            CxoneFeatureType feature = user.licence();
            String currency = user.costCentre().currency();
            BigDecimal price = LICENCE_PRICES.get(feature).get(currency);
            int k = proratedUsers.indexOf(user);
            if (k < 0) {
                addLicence(user, feature, price.setScale(AMOUNT_SCALE), false);
                continue;
            }
            int active = workingDays.count(user.serviceStart(), user.serviceEnd());
            BigDecimal expected = price.multiply(BigDecimal.valueOf(active))
                    .divide(BigDecimal.valueOf(monthDays), 2, RoundingMode.HALF_UP);
            BigDecimal billed = k == WRONG_PRORATION ? expected.add(PRORATION_OVERRIDE) : expected;
            String lineId = addLicence(user, feature, billed.setScale(AMOUNT_SCALE), true);
            if (k == WRONG_PRORATION) {
                wrong = lineId;
            }
            prorated.add(new CxoneMonth.ProratedLicence(user.userId(), lineId, feature, currency,
                    user.costCentre().id(), user.serviceStart(), user.serviceEnd(), active, monthDays, price,
                    expected, billed));
        }
        prorated.sort(Comparator.comparing(CxoneMonth.ProratedLicence::userId));
        return wrong;
    }

    private String addLicence(User user, CxoneFeatureType feature, BigDecimal cost, boolean proratedFlag) {
        CostCentre centre = user.costCentre();
        String lineId = nextLineId();
        lines.add(new CxoneReportLine(lineId, localInstant(user.serviceStart(), LocalTime.MIDNIGHT), user.userId(),
                user.userName(), user.phoneNumber(), feature, null, 0, cost, centre.currency(), tax(cost, centre),
                centre.taxRate(), centre.id(), proratedFlag, null, null,
                user.supervisor() ? "SUPERVISOR" : "AGENT", user.serviceStart(), user.serviceEnd()));
        return lineId;
    }

    /** One storage line per user at noon local on the last day: the seconds recorded in the billing month. */
    private void storage() {
        Map<String, Integer> recorded = new LinkedHashMap<>();
        for (CxoneReportLine line : lines) {
            if (line.featureType() == CxoneFeatureType.VOICE_CALL && line.within(windowStart, windowEnd)) {
                recorded.merge(line.userId(), line.durationSeconds(), Integer::sum);
            }
        }
        Instant at = localInstant(period.atEndOfMonth(), LocalTime.NOON);
        for (User user : users) {
            int seconds = recorded.getOrDefault(user.userId(), 0);
            add(user, at, CxoneFeatureType.RECORDING_STORAGE, null, seconds,
                    perMinute(seconds, STORAGE_PER_MINUTE.get(user.costCentre().currency())));
        }
    }

    // ---- corrections ----

    private String creditMemoId() {
        return "CM-" + period + "-001";
    }

    /** Credits in full one full-month US agent licence and one US call of at least 1.00, both on mapped centres. */
    private List<String> creditMemo() {
        Set<String> proratedLines = new HashSet<>();
        prorated.forEach(p -> proratedLines.add(p.lineId()));
        CxoneReportLine licence = pickLine(line -> line.featureType() == CxoneFeatureType.LICENSE_AGENT
                && USD.equals(line.currencyCode()) && !proratedLines.contains(line.lineId())
                && !LEGACY_COST_CENTRE.equals(line.costCenterId()));
        CxoneReportLine call = pickLine(this::bigUsCall);
        Instant at = localInstant(period.atEndOfMonth().minusDays(3), LocalTime.of(10, 0));
        List<String> ids = new ArrayList<>();
        for (CxoneReportLine corrected : List.of(licence, call)) {
            String lineId = nextLineId();
            lines.add(new CxoneReportLine(lineId, at, corrected.userId(), corrected.userName(),
                    corrected.phoneNumber(), corrected.featureType(), corrected.direction(), 0,
                    corrected.costAmount().negate(), corrected.currencyCode(), corrected.taxAmount().negate(),
                    corrected.taxRate(), corrected.costCenterId(), false, creditMemoId(), corrected.lineId(),
                    corrected.licenseType(), corrected.serviceStart(), corrected.serviceEnd()));
            ids.add(lineId);
        }
        return List.copyOf(ids);
    }

    /** Canadian lines whose exact tax is a tie at the 5th decimal, where HALF_EVEN rounds 0.0001 lower. */
    private List<String> roundingQuirks(List<String> creditLines) {
        List<String> ids = new ArrayList<>();
        Set<String> corrected = correctedLineIds(creditLines);
        for (int i = 0; i < ROUNDING_QUIRKS; i++) {
            int index = pickLineIndex(line -> CAD.equals(line.currencyCode()) && !line.isCredit()
                    && !corrected.contains(line.lineId()) && !ids.contains(line.lineId())
                    && !halfEven(line).equals(line.taxAmount()));
            if (index < 0) {
                break;
            }
            CxoneReportLine line = lines.get(index);
            lines.set(index, line.withTaxAmount(halfEven(line)));
            ids.add(line.lineId());
        }
        return List.copyOf(ids);
    }

    /** US calls of at least 1.00 taxed at 0.0875 (their taxRate still says 0.08). */
    private List<String> taxOverrides(List<String> creditLines) {
        List<String> ids = new ArrayList<>();
        Set<String> corrected = correctedLineIds(creditLines);
        for (int i = 0; i < TAX_OVERRIDES; i++) {
            int index = pickLineIndex(line -> bigUsCall(line) && !ids.contains(line.lineId())
                    && !corrected.contains(line.lineId()));
            if (index < 0) {
                break;
            }
            CxoneReportLine line = lines.get(index);
            lines.set(index, line.withTaxAmount(
                    line.costAmount().multiply(OVERRIDE_TAX_RATE).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP)));
            ids.add(line.lineId());
        }
        return List.copyOf(ids);
    }

    private boolean bigUsCall(CxoneReportLine line) {
        return line.featureType() == CxoneFeatureType.VOICE_CALL && USD.equals(line.currencyCode())
                && !line.isCredit() && line.costAmount().compareTo(BigDecimal.ONE) >= 0
                && !LEGACY_COST_CENTRE.equals(line.costCenterId()) && line.within(windowStart, windowEnd);
    }

    private Set<String> correctedLineIds(List<String> creditLines) {
        Set<String> ids = new HashSet<>();
        lines.stream().filter(l -> creditLines.contains(l.lineId())).forEach(l -> ids.add(l.correctsLineId()));
        return ids;
    }

    private static BigDecimal halfEven(CxoneReportLine line) {
        return line.costAmount().multiply(line.taxRate()).setScale(AMOUNT_SCALE, RoundingMode.HALF_EVEN);
    }

    private CxoneReportLine pickLine(Predicate<CxoneReportLine> eligible) {
        int index = pickLineIndex(eligible);
        if (index < 0) {
            throw new IllegalStateException("no line fits");
        }
        return lines.get(index);
    }

    /** A random eligible line's index (in generation order), or -1 when none is. */
    private int pickLineIndex(Predicate<CxoneReportLine> eligible) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (eligible.test(lines.get(i))) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? -1 : candidates.get(random.nextInt(candidates.size()));
    }

    // ---- shared ----

    private void add(User user, Instant at, CxoneFeatureType feature, String direction, int seconds,
                     BigDecimal cost) {
        CostCentre centre = user.costCentre();
        lines.add(new CxoneReportLine(nextLineId(), at, user.userId(), user.userName(), user.phoneNumber(), feature,
                direction, seconds, cost, centre.currency(), tax(cost, centre), centre.taxRate(), centre.id(),
                false, null, null, null, null, null));
    }

    private static BigDecimal tax(BigDecimal cost, CostCentre centre) {
        return cost.multiply(centre.taxRate()).setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal perMinute(int seconds, BigDecimal ratePerMinute) {
        return BigDecimal.valueOf(seconds).multiply(ratePerMinute).divide(SIXTY, AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    private Instant localInstant(LocalDate day, LocalTime time) {
        return LocalDateTime.of(day, time).atZone(zone).toInstant();
    }

    /** "ln_" + 12 hex digits: a SplitMix64 mix of seed and counter, stable across runs. */
    private String nextLineId() {
        long z = seed + 0x9E3779B97F4A7C15L * ++lineCounter;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return String.format("ln_%012x", z >>> 16);
    }

    private <T> T pick(List<Weighted<T>> items) {
        return Weighted.pick(random, items);
    }
}
