package io.billinghub.sandbox.org;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import io.billinghub.sandbox.Weighted;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generates a deterministic organisation month for a {@link TenantPlan}: the same plan, period and seed always give
 * the same records (one {@link SplittableRandom} drawn in a fixed order; no clock).
 *
 * <ul>
 *   <li><b>Users</b>: the plan's pools, created 30 to 730 days before the period; plus a user deleted 16 days
 *       before the period, one created a day after the snapshot, and one whose licence type and cost centre change
 *       three days after it (as the plan says).</li>
 *   <li><b>Conversations</b>: {@code dailyCalls} per UTC weekday and a sixth of them per weekend day, starting in
 *       the queue's division's opening hours, on a trunk of that division; plus the plan's burst. Every 20th
 *       overflows to a queue of another cost centre (in the same division when there is one). Talk 20 s to
 *       30 min (log-normal, median 4 min), hold 10 to 180 s on 40 % of them, wrap-up 15 to 120 s.</li>
 *   <li><b>WFM shifts and sessions</b>: active agents only. Day shifts 8 h 30 from 07:00, 08:00 or 09:00 local on
 *       the weekdays of their rota; night agents every night from the division's night start (so shifts cross the
 *       DST changes of the month). A tenth of shifts have 3 to 5 % fewer available minutes. A session per shift:
 *       login up to 5 min before the shift, logout up to 5 min after its available time.</li>
 *   <li><b>Analytics</b>: per queue and UTC day with calls, the answered calls' talk minutes (1 decimal).</li>
 *   <li><b>Invoice</b>: {@link PlatformInvoiceBuilder} over the month as the API serves it at the snapshot.</li>
 * </ul>
 */
public final class OrgMonthGenerator {

    public static final YearMonth DEFAULT_PERIOD = YearMonth.of(2026, 10);
    public static final long DEFAULT_SEED = 20261001L;
    /** Every OVERFLOW_EVERY-th conversation overflows: 5 %. */
    static final int OVERFLOW_EVERY = 20;

    private static final Duration SHIFT = Duration.ofMinutes(510);
    private static final int[] DAY_STARTS = {7, 8, 9};
    private static final Pattern COST_CENTRE = Pattern.compile("[A-Z]{3}-\\d{4}");
    private static final Map<String, Long> NUMERIC_BASE = Map.of("user", 1_000_000L, "queue", 20_000L,
            "trunk", 300L, "conversation", 700_000_000L, "shift", 40_000_000L, "session", 50_000_000L,
            "analytics", 60_000_000L);
    private static final List<String> FIRST_NAMES = List.of("Ava", "Ben", "Chloe", "Dan", "Ella", "Finn", "Grace",
            "Hugo", "Isla", "Jack", "Kira", "Liam", "Maya", "Noah", "Olive", "Priya", "Quinn", "Ravi", "Sara",
            "Tom", "Uma", "Victor", "Wendy", "Yusuf", "Zoe");
    private static final List<String> LAST_NAMES = List.of("Adams", "Baker", "Clarke", "Davies", "Evans", "Fraser",
            "Garcia", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Moore", "Nguyen", "Owens", "Patel", "Quinn",
            "Reid", "Smith", "Turner", "Usman", "Vance", "Walsh", "Young");

    private final TenantPlan plan;
    private final YearMonth period;
    private final SplittableRandom random;
    private final Instant periodStart;
    private final Instant snapshot;
    private final Map<String, Integer> counters = new LinkedHashMap<>();
    private final List<UserVersion> history = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private final List<OrgRecord.Queue> queues = new ArrayList<>();
    private final List<OrgRecord.Trunk> trunks = new ArrayList<>();

    /** An agent who works shifts in the month; {@code rotaSlot} staggers a rota. */
    private record Agent(String userId, TenantPlan.Division division, TenantPlan.Rota rota, boolean night,
                         int rotaSlot, LocalTime dayStart) {
    }

    private OrgMonthGenerator(TenantPlan plan, YearMonth period, long seed) {
        this.plan = plan;
        this.period = period;
        // Each vendor draws its own sequence from the same configured seed.
        this.random = new SplittableRandom(seed * 31 + plan.vendor().hashCode());
        this.periodStart = period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.snapshot = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static OrgMonth genesys(YearMonth period, long seed) {
        return generate(TenantPlan.genesys(), period, seed);
    }

    public static OrgMonth cxone(YearMonth period, long seed) {
        return generate(TenantPlan.cxone(), period, seed);
    }

    public static OrgMonth generate(TenantPlan plan, YearMonth period, long seed) {
        return new OrgMonthGenerator(plan, period, seed).generate();
    }

    private OrgMonth generate() {
        OrgMonth.Planted planted = users();
        plan.queues().forEach(this::queue);
        plan.trunks().forEach(this::trunk);
        List<OrgRecord.Conversation> conversations = conversations();
        List<OrgRecord.WfmShift> shifts = new ArrayList<>();
        List<OrgRecord.Session> sessions = new ArrayList<>();
        for (Agent agent : agents) {
            schedule(agent, shifts, sessions);
        }
        shifts.sort(Comparator.comparing(OrgMonth::shiftStart).thenComparing(OrgRecord.WfmShift::shiftId));
        sessions.sort(Comparator.comparing(OrgRecord.Session::start).thenComparing(OrgRecord.Session::sessionId));
        Map<String, String> divisions = new LinkedHashMap<>();
        plan.divisions().forEach(d -> divisions.put(d.id(), d.name()));
        // The month without its invoice, which is priced from it exactly as the API serves it at the snapshot.
        OrgMonth draft = new OrgMonth(plan.vendor(), period, divisions, history, queues, trunks, conversations,
                shifts, analytics(conversations), sessions, null, planted);
        PlatformInvoice invoice = new PlatformInvoiceBuilder(plan.invoicePrefix() + "-" + period, period,
                plan.apiStorageFee()).build(draft.users(snapshot), trunks,
                draft.conversations(periodStart, snapshot, snapshot), draft.shifts(periodStart, snapshot, snapshot),
                draft.analytics(periodStart, snapshot, snapshot));
        return new OrgMonth(plan.vendor(), period, divisions, history, queues, trunks, conversations, shifts,
                draft.analytics(), sessions, invoice, planted);
    }

    // ---- users ----

    private OrgMonth.Planted users() {
        String noCostCentre = null;
        String malformed = null;
        String deleted = null;
        String createdAfter = null;
        String changed = null;
        List<String> nonHuman = new ArrayList<>();
        for (int p = 0; p < plan.pools().size(); p++) {
            TenantPlan.Pool pool = plan.pools().get(p);
            for (int k = 0; k < pool.size(); k++) {
                OrgRecord.User user = user(pool, status(pool, k));
                history.add(new UserVersion(createdAt(), user));
                boolean night = k < pool.nightAgents();
                if (user.status() == UserStatus.ACTIVE && pool.rota() != TenantPlan.Rota.NONE) {
                    agents.add(new Agent(user.userId(), plan.division(pool.division()), pool.rota(), night,
                            k - pool.nightAgents(), LocalTime.of(DAY_STARTS[random.nextInt(DAY_STARTS.length)], 0)));
                }
                if (pool.accountType() != AccountType.AGENT) {
                    nonHuman.add(user.userId());
                } else if (pool.costCentre() == null) {
                    noCostCentre = user.userId();
                } else if (!COST_CENTRE.matcher(pool.costCentre()).matches()) {
                    malformed = user.userId();
                }
                if (changed == null && plan.change() != null && plan.change().pool() == p && !night
                        && user.status() == UserStatus.ACTIVE
                        && !plan.change().licenceType().equals(user.licenceType())) {
                    changed = user.userId();
                }
            }
            if (p == plan.deletedFrom()) {
                deleted = deletedUser(pool);
            }
            if (p == plan.createdAfterIn()) {
                OrgRecord.User user = user(pool, UserStatus.ACTIVE);
                history.add(new UserVersion(snapshot.plus(Duration.ofHours(24 + 14)), user));
                createdAfter = user.userId();
            }
        }
        if (changed != null) {
            history.add(new UserVersion(snapshot.plus(Duration.ofHours(3 * 24 + 9)), changedUser(changed)));
        }
        return new OrgMonth.Planted(noCostCentre, malformed, deleted, createdAfter, changed, nonHuman);
    }

    /** The last {@code suspended} of a pool are suspended, the {@code inactive} before them inactive. */
    private static UserStatus status(TenantPlan.Pool pool, int k) {
        if (k >= pool.size() - pool.suspended()) {
            return UserStatus.SUSPENDED;
        }
        return k >= pool.size() - pool.suspended() - pool.inactive() ? UserStatus.INACTIVE : UserStatus.ACTIVE;
    }

    private OrgRecord.User user(TenantPlan.Pool pool, UserStatus status) {
        String name = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        String licence = pool.licences().isEmpty() ? null : Weighted.pick(random, pool.licences());
        return new OrgRecord.User(id("user"), name, status, licence, pool.division(), pool.accountType(),
                attributes(pool.owner(), pool.costCentre(), pool.allocationModel()));
    }

    private String deletedUser(TenantPlan.Pool pool) {
        OrgRecord.User user = user(pool, UserStatus.ACTIVE);
        history.add(new UserVersion(createdAt(), user));
        history.add(new UserVersion(periodStart.minus(Duration.ofDays(16)).plus(Duration.ofHours(10)),
                new OrgRecord.User(user.userId(), user.name(), UserStatus.DELETED, null, user.division(),
                        user.accountType(), user.attributes())));
        return user.userId();
    }

    /** The changed user's new version: another owner, cost centre and licence type, and that cost centre's model. */
    private OrgRecord.User changedUser(String userId) {
        OrgRecord.User before = history.stream().map(UserVersion::user).filter(u -> u.userId().equals(userId))
                .findFirst().orElseThrow();
        TenantPlan.Change change = plan.change();
        String model = plan.pools().stream()
                .filter(p -> change.costCentre().equals(p.costCentre()) && p.division().equals(before.division()))
                .findFirst().map(TenantPlan.Pool::allocationModel).orElse(null);
        return new OrgRecord.User(userId, before.name(), before.status(), change.licenceType(), before.division(),
                before.accountType(), attributes(change.owner(), change.costCentre(), model));
    }

    private Instant createdAt() {
        return periodStart.minus(Duration.ofDays(30 + random.nextInt(701))).plusSeconds(random.nextInt(86_400));
    }

    private Map<String, String> attributes(String owner, String costCentre, String allocationModel) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (owner != null) {
            attributes.put("BU::OWNER", owner);
        }
        if (costCentre != null) {
            attributes.put(Weighted.pick(random, plan.costCentreKeys()), costCentre);
        }
        if (allocationModel != null) {
            attributes.put("BU::ALLOCATION_MODEL", allocationModel);
        }
        return Collections.unmodifiableMap(attributes);
    }

    // ---- queues and trunks ----

    private void queue(TenantPlan.QueuePlan queue) {
        queues.add(new OrgRecord.Queue(id("queue"), queue.name(), queue.division(),
                attributes(queue.owner(), queue.costCentre(), null)));
    }

    private void trunk(TenantPlan.TrunkPlan trunk) {
        trunks.add(new OrgRecord.Trunk(id("trunk"), trunk.name(), attributes(null, null, trunk.allocationModel())));
    }

    // ---- conversations and analytics ----

    private List<OrgRecord.Conversation> conversations() {
        List<Weighted<Integer>> byVolume = new ArrayList<>();
        for (int q = 0; q < plan.queues().size(); q++) {
            byVolume.add(new Weighted<>(q, plan.queues().get(q).weight()));
        }
        TenantPlan.Burst burst = plan.burst();
        List<OrgRecord.Conversation> conversations = new ArrayList<>();
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            int calls = weekday(day) ? plan.dailyCalls() : plan.dailyCalls() / 6;
            for (int i = 0; i < calls; i++) {
                int initial = Weighted.pick(random, byVolume);
                TenantPlan.Division division = plan.division(plan.queues().get(initial).division());
                Instant start = midnight.plusSeconds(division.openUtc() * 3600L
                        + random.nextInt((division.closeUtc() - division.openUtc()) * 3600));
                conversations.add(conversation(initial, trunkFor(division), start, conversations.size() + 1));
            }
            if (burst != null && day.getDayOfMonth() == burst.dayOfMonth()) {
                Instant from = midnight.plusSeconds(burst.utcStart().toSecondOfDay());
                for (int i = 0; i < burst.calls(); i++) {
                    conversations.add(conversation(burst.queue(), burst.trunk(),
                            from.plusSeconds(random.nextInt(burst.minutes() * 60)), conversations.size() + 1));
                }
            }
        }
        conversations.sort(Comparator.comparing(OrgRecord.Conversation::start)
                .thenComparing(OrgRecord.Conversation::conversationId));
        return conversations;
    }

    /** The n-th conversation of the month; every OVERFLOW_EVERY-th is answered by another cost centre's queue. */
    private OrgRecord.Conversation conversation(int initial, int trunk, Instant start, int n) {
        int answering = n % OVERFLOW_EVERY == 0 ? overflowTarget(initial) : initial;
        long talk = talkSeconds();
        long hold = random.nextInt(10) < 4 ? 10 + random.nextInt(171) : 0;
        long wrapUp = 15 + random.nextInt(106);
        String rule = "rr-" + plan.queues().get(initial).name().toLowerCase(Locale.ROOT).replace(' ', '-')
                + (initial == answering ? "-standard" : "-overflow");
        return new OrgRecord.Conversation(id("conversation"), trunks.get(trunk).trunkId(),
                queues.get(initial).queueId(), queues.get(answering).queueId(), rule, start, talk, hold, wrapUp);
    }

    private int trunkFor(TenantPlan.Division division) {
        List<Weighted<Integer>> choice = new ArrayList<>();
        for (int t = 0; t < plan.trunks().size(); t++) {
            if (plan.trunks().get(t).divisions().contains(division.id())) {
                choice.add(new Weighted<>(t, plan.trunks().get(t).weight()));
            }
        }
        return Weighted.pick(random, choice);
    }

    /** A queue of another cost centre, in the same division when there is one. */
    private int overflowTarget(int initial) {
        TenantPlan.QueuePlan from = plan.queues().get(initial);
        List<Integer> sameDivision = new ArrayList<>();
        List<Integer> anywhere = new ArrayList<>();
        for (int q = 0; q < plan.queues().size(); q++) {
            TenantPlan.QueuePlan to = plan.queues().get(q);
            if (!to.costCentre().equals(from.costCentre())) {
                anywhere.add(q);
                if (to.division().equals(from.division())) {
                    sameDivision.add(q);
                }
            }
        }
        List<Integer> targets = sameDivision.isEmpty() ? anywhere : sameDivision;
        return targets.get(random.nextInt(targets.size()));
    }

    /** Log-normal talk time (median 4 min), clamped to 20 s .. 30 min. */
    private long talkSeconds() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        long seconds = Math.round(StrictMath.exp(StrictMath.log(240) + 0.8 * gaussian));
        return Math.max(20, Math.min(1800, seconds));
    }

    private List<OrgRecord.AnalyticsUsage> analytics(List<OrgRecord.Conversation> conversations) {
        List<OrgRecord.AnalyticsUsage> usage = new ArrayList<>();
        for (OrgRecord.Queue queue : queues) {
            Map<LocalDate, Long> talkByDay = new TreeMap<>();
            for (OrgRecord.Conversation c : conversations) {
                if (c.queueId().equals(queue.queueId())) {
                    talkByDay.merge(LocalDate.ofInstant(c.start(), ZoneOffset.UTC), c.talkSeconds(), Long::sum);
                }
            }
            talkByDay.forEach((day, seconds) -> usage.add(new OrgRecord.AnalyticsUsage(id("analytics"),
                    queue.queueId(), day.toString(),
                    BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP))));
        }
        return usage;
    }

    // ---- shifts and sessions ----

    private void schedule(Agent agent, List<OrgRecord.WfmShift> shifts, List<OrgRecord.Session> sessions) {
        int weekdayIndex = -1;
        for (LocalDate day = period.atDay(1); !day.isAfter(period.atEndOfMonth()); day = day.plusDays(1)) {
            boolean weekday = weekday(day);
            if (weekday) {
                weekdayIndex++;
            }
            LocalDateTime start;
            if (agent.night()) {
                start = day.atTime(agent.division().nightStart());
            } else if (weekday && (agent.rota() == TenantPlan.Rota.WEEKDAYS
                    || (weekdayIndex + agent.rotaSlot()) % 4 == 0)) {
                start = day.atTime(agent.dayStart());
            } else {
                continue;
            }
            shift(agent, start, shifts, sessions);
        }
    }

    private void shift(Agent agent, LocalDateTime localStart, List<OrgRecord.WfmShift> shifts,
                       List<OrgRecord.Session> sessions) {
        OrgRecord.WfmShift planned = new OrgRecord.WfmShift(id("shift"), agent.userId(),
                agent.division().zone().getId(), localStart, localStart.plus(SHIFT), 0);
        long scheduled = PlatformInvoiceBuilder.scheduledMinutes(planned);
        long available = scheduled;
        if (random.nextInt(10) == 0) {
            int percent = 3 + random.nextInt(3);
            available = scheduled - (scheduled * percent + 50) / 100;
        }
        shifts.add(new OrgRecord.WfmShift(planned.shiftId(), planned.userId(), planned.timeZone(),
                planned.localStart(), planned.localEnd(), available));
        Instant start = OrgMonth.shiftStart(planned);
        Instant login = start.minusSeconds(random.nextInt(301));
        Instant logout = start.plus(Duration.ofMinutes(available)).plusSeconds(random.nextInt(301));
        sessions.add(new OrgRecord.Session(id("session"), agent.userId(), login, logout));
    }

    private static boolean weekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Stable ids: the n-th record of a kind always has the same id (a UUID or a number, as the vendor uses). */
    private String id(String kind) {
        int n = counters.merge(kind, 1, Integer::sum);
        return plan.ids() == TenantPlan.IdStyle.UUID
                ? UUID.nameUUIDFromBytes((plan.vendor() + "/" + kind + "/" + n).getBytes(UTF_8)).toString()
                : Long.toString(NUMERIC_BASE.get(kind) + n);
    }
}
