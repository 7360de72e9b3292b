package io.billinghub.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates a deterministic month of usage legs for a synthetic contact-centre tenant: the same period, calls per
 * day and seed always give the same records (every draw comes from one {@link SplittableRandom} in a fixed order,
 * and only {@link StrictMath} is used so results do not depend on the JVM's intrinsics).
 *
 * <p>The data covers what the hub has to handle: the carriers of mappings/carriers.csv plus one unknown carrier,
 * destinations over the rate-card prefixes with some that no rate card of their carrier covers, transfers,
 * supervisor monitor and whisper legs, internal and inbound legs, unanswered attempts, carrier fallback, and legs
 * that start before midnight UTC and end after it.
 */
public final class UsageMonthGenerator {

    /** A carrier and its contracted rounding (rate-cards.csv billing_increment "first/next"), which the platform
     * reports as billingDuration. */
    record Carrier(String name, int firstIncrement, int nextIncrement) {
        int billed(int seconds) {
            if (seconds == 0) {
                return 0;
            }
            int rounded = (seconds + nextIncrement - 1) / nextIncrement * nextIncrement;
            return Math.max(firstIncrement, rounded);
        }
    }

    static final Carrier BANDWIDTH = new Carrier("Bandwidth.com", 6, 6);
    static final Carrier TWILIO = new Carrier("Twilio", 60, 60);
    static final Carrier TELNYX = new Carrier("Telnyx", 1, 1);
    static final Carrier SINCH = new Carrier("Sinch", 30, 6);
    /** Not in mappings/carriers.csv: the hub must flag its legs rather than guess a rate. */
    static final Carrier UNKNOWN = new Carrier("Lumen", 6, 6);
    private static final List<Carrier> MAPPED = List.of(BANDWIDTH, TWILIO, TELNYX, SINCH);

    /**
     * A destination: a number prefix, how many random digits complete the E.164 number, and the carriers the
     * tenant's routing policy sends it to. Those carriers have a rate for it, except for Tuvalu (+688), which no
     * rate card covers at all.
     */
    private record Destination(String prefix, int randomDigits, String location, List<Weighted<Carrier>> routes) {
    }

    private static final List<Weighted<Carrier>> US_ROUTES = List.of(
            new Weighted<>(BANDWIDTH, 45), new Weighted<>(TWILIO, 25),
            new Weighted<>(TELNYX, 20), new Weighted<>(SINCH, 10));
    private static final List<Weighted<Carrier>> UK_ROUTES = List.of(
            new Weighted<>(BANDWIDTH, 50), new Weighted<>(TWILIO, 25), new Weighted<>(SINCH, 25));
    private static final List<Weighted<Carrier>> TOLL_FREE_ROUTES = List.of(
            new Weighted<>(BANDWIDTH, 70), new Weighted<>(TWILIO, 15), new Weighted<>(TELNYX, 15));

    private static final List<Weighted<Destination>> DESTINATIONS = List.of(
            new Weighted<>(new Destination("+1212555", 4, "New York, NY", US_ROUTES), 18),
            new Weighted<>(new Destination("+1415555", 4, "San Francisco, CA", US_ROUTES), 14),
            new Weighted<>(new Destination("+1312555", 4, "Chicago, IL", US_ROUTES), 12),
            // No prefix of its own on any rate card: rated by the carrier's "1" (US-Other) row.
            new Weighted<>(new Destination("+1713555", 4, "Houston, TX", US_ROUTES), 10),
            new Weighted<>(new Destination("+1800555", 4, "Toll-free, US", TOLL_FREE_ROUTES), 7),
            new Weighted<>(new Destination("+4420", 8, "London, GB", UK_ROUTES), 10),
            new Weighted<>(new Destination("+44161", 7, "Manchester, GB", UK_ROUTES), 5),
            new Weighted<>(new Destination("+5255", 8, "Mexico City, MX",
                    List.of(new Weighted<>(TWILIO, 60), new Weighted<>(TELNYX, 40))), 8),
            new Weighted<>(new Destination("+4930", 8, "Berlin, DE", List.of(new Weighted<>(TELNYX, 1))), 6),
            new Weighted<>(new Destination("+9122", 8, "Mumbai, IN", List.of(new Weighted<>(SINCH, 1))), 7),
            new Weighted<>(new Destination("+6882", 4, "Tuvalu",
                    List.of(new Weighted<>(BANDWIDTH, 60), new Weighted<>(TWILIO, 40))), 1));

    /** The tenant's own office numbers (internal calls) and toll-free numbers (inbound calls). */
    private static final Destination OFFICE = new Destination("+131255501", 2, "Chicago, IL", US_ROUTES);
    private static final Destination TENANT_TOLL_FREE =
            new Destination("+180055501", 2, "Toll-free, US", TOLL_FREE_ROUTES);

    enum Shape { SIMPLE, TRANSFER, MONITOR, WHISPER, INTERNAL, INBOUND, NO_ANSWER, BUSY, FALLBACK }

    private static final List<Weighted<Shape>> SHAPES = List.of(
            new Weighted<>(Shape.SIMPLE, 50), new Weighted<>(Shape.TRANSFER, 8), new Weighted<>(Shape.MONITOR, 6),
            new Weighted<>(Shape.WHISPER, 4), new Weighted<>(Shape.INTERNAL, 6), new Weighted<>(Shape.INBOUND, 8),
            new Weighted<>(Shape.NO_ANSWER, 9), new Weighted<>(Shape.BUSY, 3), new Weighted<>(Shape.FALLBACK, 6));

    /** Relative call volume per UTC hour: a North American tenant with some European traffic. */
    private static final int[] HOUR_WEIGHTS =
            {6, 4, 2, 1, 1, 1, 1, 1, 2, 3, 4, 5, 7, 10, 12, 13, 13, 12, 12, 11, 10, 9, 8, 7};

    private static final double UNKNOWN_CARRIER_SHARE = 0.01;
    private static final double MISROUTE_SHARE = 0.02;
    private static final double MEDIAN_TALK_SECONDS = 180;
    private static final double TALK_SIGMA = 0.9;

    private final YearMonth period;
    private final long seed;
    private final SplittableRandom random;
    private final List<SandboxLeg> legs = new ArrayList<>();
    private long callNumber;

    private UsageMonthGenerator(YearMonth period, long seed) {
        this.period = period;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** All legs of the month, sorted by startTime then legId. */
    public static List<SandboxLeg> generate(YearMonth period, int callsPerDay, long seed) {
        if (callsPerDay <= 0) {
            throw new IllegalArgumentException("callsPerDay must be positive, was " + callsPerDay);
        }
        UsageMonthGenerator generator = new UsageMonthGenerator(period, seed);
        for (int day = 1; day <= period.lengthOfMonth(); day++) {
            generator.generateDay(period.atDay(day), callsPerDay);
        }
        generator.legs.sort(Comparator.comparing(SandboxLeg::startTime).thenComparing(SandboxLeg::legId));
        return List.copyOf(generator.legs);
    }

    private void generateDay(LocalDate date, int calls) {
        Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant nextDay = dayStart.plus(Duration.ofDays(1));
        for (int i = 0; i < calls; i++) {
            callNumber++;
            if (i == calls - 1) {
                // Every day ends with a call that runs past midnight UTC (under 26 min): it belongs to the day
                // it started.
                Instant start = nextDay.minusMillis(30_000 + random.nextLong(570_000));
                int secondsToMidnight = (int) Duration.between(start, nextDay).toSeconds();
                singleLeg(start, pick(DESTINATIONS), "outbound", secondsToMidnight + 30 + random.nextInt(900));
            } else {
                Instant start = startWithin(dayStart);
                switch (pick(SHAPES)) {
                    case SIMPLE -> singleLeg(start, pick(DESTINATIONS), "outbound", talkSeconds());
                    case TRANSFER -> transfer(start);
                    case MONITOR -> monitored(start);
                    case WHISPER -> whispered(start);
                    case INTERNAL -> singleLeg(start, OFFICE, "internal", talkSeconds());
                    case INBOUND -> singleLeg(start, TENANT_TOLL_FREE, "inbound", talkSeconds());
                    case NO_ANSWER -> unanswered(start, "no-answer", 15 + random.nextInt(31));
                    case BUSY -> unanswered(start, "busy", 1 + random.nextInt(4));
                    case FALLBACK -> fallback(start);
                }
            }
        }
    }

    private void singleLeg(Instant start, Destination destination, String direction, int talk) {
        answered(0, start, talk, carrierFor(destination), number(destination), destination, "voip", direction);
    }

    /** The agent transfers the customer to a second outside number: a second billable outbound leg. */
    private void transfer(Instant start) {
        int talk = Math.max(60, talkSeconds());
        Destination first = pick(DESTINATIONS);
        answered(0, start, talk, carrierFor(first), number(first), first, "voip", "outbound");
        Instant transferAt = start.plusSeconds((long) (talk * (0.3 + 0.6 * random.nextDouble())))
                .plusMillis(random.nextInt(1000));
        Destination second = pick(DESTINATIONS);
        answered(1, transferAt, talkSeconds(), carrierFor(second), number(second), second, "voip", "outbound");
    }

    /** A supervisor listens in: an internal leg on the same call, carrier and number, within the call. */
    private void monitored(Instant start) {
        int talk = Math.max(60, talkSeconds());
        Destination destination = pick(DESTINATIONS);
        Carrier carrier = carrierFor(destination);
        String number = number(destination);
        answered(0, start, talk, carrier, number, destination, "voip", "outbound");
        int offset = (int) (talk * (0.1 + 0.4 * random.nextDouble()));
        int listened = 5 + random.nextInt(talk - offset - 4);
        answered(1, start.plusSeconds(offset), listened, carrier, number, destination, "monitor", "internal");
    }

    /** The agent hears a short whisper (customer context) as the call connects. */
    private void whispered(Instant start) {
        int talk = Math.max(60, talkSeconds());
        Destination destination = pick(DESTINATIONS);
        Carrier carrier = carrierFor(destination);
        String number = number(destination);
        answered(0, start, talk, carrier, number, destination, "voip", "outbound");
        int whisper = 5 + random.nextInt(26);
        answered(1, start.plusSeconds(random.nextInt(10)), whisper, carrier, number, destination,
                "whisper", "internal");
    }

    private void unanswered(Instant start, String outcome, int ringSeconds) {
        Destination destination = pick(DESTINATIONS);
        add(0, start, start.plusSeconds(ringSeconds), carrierFor(destination), number(destination), destination,
                "voip", "outbound", outcome);
    }

    /** The primary carrier rejects the call (SIP 503 within a second); the platform retries on another one. */
    private void fallback(Instant start) {
        Destination destination = pick(DESTINATIONS);
        String number = number(destination);
        Carrier primary = pick(destination.routes());
        Instant failedAt = start.plusMillis(100 + random.nextInt(900));
        add(0, start, failedAt, primary, number, destination, "voip", "outbound", "failed");
        List<Weighted<Carrier>> others =
                destination.routes().stream().filter(w -> !w.item().equals(primary)).toList();
        // A destination with a single routed carrier falls back to one that has no rate for it.
        Carrier secondary = others.isEmpty()
                ? pickUniform(MAPPED.stream().filter(c -> !c.equals(primary)).toList())
                : pick(others);
        answered(1, failedAt.plusMillis(50 + random.nextInt(900)), talkSeconds(), secondary, number, destination,
                "voip", "outbound");
    }

    private void answered(int legIndex, Instant start, int talk, Carrier carrier, String number,
                          Destination destination, String callType, String direction) {
        add(legIndex, start, start.plusSeconds(talk), carrier, number, destination, callType, direction,
                "answered");
    }

    private void add(int legIndex, Instant start, Instant end, Carrier carrier, String number,
                     Destination destination, String callType, String direction, String outcome) {
        int duration = (int) Duration.between(start, end).toSeconds();
        int billing = "answered".equals(outcome) ? carrier.billed(duration) : 0;
        legs.add(new SandboxLeg(id("call/" + callNumber), "leg-" + id("leg/" + callNumber + "/" + legIndex),
                start, end, duration, billing, carrier.name(), number, destination.location(),
                callType, direction, outcome));
    }

    /** Mostly the routing policy's carriers; a few legs go to an unknown carrier or to a carrier with no rate. */
    private Carrier carrierFor(Destination destination) {
        double draw = random.nextDouble();
        if (draw < UNKNOWN_CARRIER_SHARE) {
            return UNKNOWN;
        }
        if (draw < UNKNOWN_CARRIER_SHARE + MISROUTE_SHARE) {
            List<Carrier> outside = MAPPED.stream()
                    .filter(c -> destination.routes().stream().noneMatch(w -> w.item().equals(c)))
                    .toList();
            if (!outside.isEmpty()) {
                return pickUniform(outside);
            }
        }
        return pick(destination.routes());
    }

    private Instant startWithin(Instant dayStart) {
        int hour = pickIndex(HOUR_WEIGHTS);
        return dayStart.plusSeconds(hour * 3600L + random.nextInt(3600)).plusMillis(random.nextInt(1000));
    }

    /** Log-normal talk time (median 3 min), clamped to 5 s .. 30 min. */
    private int talkSeconds() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double gaussian = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
        long seconds = Math.round(StrictMath.exp(StrictMath.log(MEDIAN_TALK_SECONDS) + TALK_SIGMA * gaussian));
        return (int) Math.max(5, Math.min(1800, seconds));
    }

    private String number(Destination destination) {
        StringBuilder number = new StringBuilder(destination.prefix());
        for (int i = 0; i < destination.randomDigits(); i++) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    /** Stable UUID-shaped id from seed, period and a counter, so ids never change between runs. */
    private String id(String name) {
        return UUID.nameUUIDFromBytes((seed + "/" + period + "/" + name).getBytes(UTF_8)).toString();
    }

    private <T> T pick(List<Weighted<T>> items) {
        return Weighted.pick(random, items);
    }

    private <T> T pickUniform(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private int pickIndex(int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: draw below total weight");
    }
}
