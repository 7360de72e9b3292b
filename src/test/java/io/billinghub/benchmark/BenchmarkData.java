package io.billinghub.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Deterministic benchmark data for one month (October 2026): five carriers' rate cards (about 1,200 prefixes each,
 * about a tenth of them re-priced on a day inside the month), a usage (CDR) file of {@code legs} legs, and one CSV
 * invoice per carrier with a known share of discrepancies. Invoice charges are computed here, independently of the
 * hub's rating code: billed seconds by the row's increment, rate x billed seconds / 60 rounded half-up at the
 * carrier's cost scale.
 *
 * <p>Known discrepancies: one carrier leg in {@value #CHARGE_DELTA_EVERY} is billed 0.05 too much, one in
 * {@value #MISSING_EVERY} is left off the invoice, and one line in {@value #EXTRA_EVERY} carrier legs bills a leg
 * that does not exist. One leg in {@value #UNRATABLE_EVERY} dials a number no rate card covers.
 */
public final class BenchmarkData {

    static final int CHARGE_DELTA_EVERY = 200;
    static final int MISSING_EVERY = 500;
    static final int EXTRA_EVERY = 1_000;
    static final int UNRATABLE_EVERY = 100_000;
    static final String TENANT = "acme-contact";
    static final LocalDate MONTH_START = LocalDate.of(2026, 10, 1);
    static final int DAYS = 31;
    static final BigDecimal CHARGE_DELTA = new BigDecimal("0.05");

    /** Carrier id, usage name, cost scale. */
    record Carrier(String id, String name, int scale) {
    }

    static final List<Carrier> CARRIERS = List.of(
            new Carrier("bandwidth", "Bandwidth.com", 4),
            new Carrier("twilio", "Twilio", 4),
            new Carrier("telnyx", "Telnyx", 6),
            new Carrier("sinch", "Sinch", 4),
            new Carrier("lumen", "Lumen", 6));

    record Rate(String prefix, String region, BigDecimal perMinute, int first, int next, LocalDate from,
                LocalDate to) {
    }

    /** What the files hold, for the checks. */
    record Expected(long legs, long carrierLegs, long unratable, long chargeDeltas, long missing, long extra,
                    Map<String, Long> invoiceLinesByCarrier) {
    }

    final Path dir;
    final Path legsFile;
    final Path mappings;
    final Path rateCardFile;
    final Path carriersFile;
    final Map<String, Path> invoiceFiles = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Rate>>> rates = new HashMap<>();
    private final List<String> prefixes = new ArrayList<>();
    Expected expected;

    BenchmarkData(Path dir) {
        this.dir = dir;
        this.legsFile = dir.resolve("usage-legs-2026-10.csv");
        this.mappings = dir.resolve("mappings");
        this.rateCardFile = mappings.resolve("rate-cards.csv");
        this.carriersFile = mappings.resolve("carriers.csv");
    }

    /** Writes everything for {@code legs} legs; the same seed and size always give the same bytes. */
    static BenchmarkData generate(Path dir, long legs, long seed, Path repoMappings) throws IOException {
        BenchmarkData data = new BenchmarkData(dir);
        Files.createDirectories(data.mappings);
        try (Stream<Path> files = Files.list(repoMappings)) {
            for (Path file : files.toList()) {
                Files.copy(file, data.mappings.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        data.writeReference(random);
        data.writeUsageAndInvoices(random, legs);
        return data;
    }

    private void writeReference(SplittableRandom random) throws IOException {
        // US area codes (some with exchange-level prefixes under them) and international codes; "1" catches the rest
        List<String> base = new ArrayList<>();
        for (int npa = 201; npa <= 989 && base.size() < 700; npa += 1 + random.nextInt(2)) {
            base.add("1" + npa);
        }
        List<String> longer = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            longer.add(base.get(random.nextInt(base.size())) + (200 + random.nextInt(800)));
        }
        List<String> international = new ArrayList<>();
        String[] countries = {"44", "33", "49", "34", "39", "61", "81", "91", "52", "55", "27", "65", "31", "46",
            "47", "45", "353", "351", "48", "420"};
        for (String cc : countries) {
            international.add(cc);
            for (int i = 0; i < 9; i++) {
                international.add(cc + (1 + random.nextInt(9)) + random.nextInt(10));
            }
        }
        prefixes.add("1");
        prefixes.addAll(base);
        prefixes.addAll(longer.stream().distinct().toList());
        prefixes.addAll(international.stream().distinct().toList());
        try (BufferedWriter carriers = Files.newBufferedWriter(carriersFile);
             BufferedWriter cards = Files.newBufferedWriter(rateCardFile)) {
            carriers.write("carrier_id,carrier_name,invoice_time_zone,currency,cost_scale,rounding_mode\n");
            cards.write("carrier_name,prefix,destination_region,rate_per_minute,billing_increment,effective_date,"
                    + "expiry_date\n");
            String[] increments = {"60/60", "30/6", "6/6", "1/1"};
            for (Carrier carrier : CARRIERS) {
                carriers.write(carrier.id() + "," + carrier.name() + ",UTC,USD," + carrier.scale() + ",HALF_UP\n");
                String increment = increments[CARRIERS.indexOf(carrier) % increments.length];
                int first = Integer.parseInt(increment.split("/")[0]);
                int next = Integer.parseInt(increment.split("/")[1]);
                Map<String, List<Rate>> byPrefix = new HashMap<>();
                for (String prefix : prefixes) {
                    String region = region(prefix);
                    BigDecimal rate = BigDecimal.valueOf(prefix.startsWith("1") ? 40 + random.nextInt(120)
                            : 900 + random.nextInt(9000), 5);
                    List<Rate> rows = new ArrayList<>();
                    if (random.nextInt(10) == 0) {
                        LocalDate change = MONTH_START.plusDays(1 + random.nextInt(DAYS - 1));
                        rows.add(new Rate(prefix, region, rate, first, next, LocalDate.of(2026, 1, 1),
                                change.minusDays(1)));
                        BigDecimal changed = rate.add(BigDecimal.valueOf(1 + random.nextInt(20), 5));
                        rows.add(new Rate(prefix, region, changed, first, next, change, null));
                    } else {
                        rows.add(new Rate(prefix, region, rate, first, next, LocalDate.of(2026, 1, 1), null));
                    }
                    for (Rate row : rows) {
                        cards.write(carrier.name() + "," + prefix + "," + region + "," + row.perMinute().toPlainString()
                                + "," + increment + "," + row.from() + "," + (row.to() == null ? "" : row.to()) + "\n");
                    }
                    byPrefix.put(prefix, rows);
                }
                rates.put(carrier.name(), byPrefix);
            }
        }
        Files.writeString(mappings.resolve("gl-mappings.csv"),
                "carrier_name,destination_region,gl_account,cost_centre,effective_date,expiry_date\n"
                        + "*,*,6100-1000,CC-TELECOM,2026-01-01,\n");
    }

    private static String region(String prefix) {
        if (prefix.equals("1")) {
            return "US-Other";
        }
        if (prefix.startsWith("1")) {
            return "US-" + prefix.charAt(1) + "xx";
        }
        return "INTL-" + prefix.substring(0, Math.min(2, prefix.length()));
    }

    private void writeUsageAndInvoices(SplittableRandom random, long legCount) throws IOException {
        Map<String, BufferedWriter> invoices = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, Long> lineCounts = new LinkedHashMap<>();
        long carrierLegs = 0;
        long unratable = 0;
        long deltas = 0;
        long missing = 0;
        long extra = 0;
        long written = 0;
        try (BufferedWriter usage = Files.newBufferedWriter(legsFile)) {
            for (Carrier carrier : CARRIERS) {
                Path file = dir.resolve("invoice-" + carrier.id() + "-2026-10.csv");
                invoiceFiles.put(carrier.id(), file);
                BufferedWriter out = Files.newBufferedWriter(file);
                out.write("record_type,invoice_number,invoice_date,currency,leg_reference,destination_number,"
                        + "start_time,minutes,charge\n");
                invoices.put(carrier.name(), out);
                totals.put(carrier.name(), BigDecimal.ZERO);
                lineCounts.put(carrier.id(), 0L);
            }
            usage.write("leg_id,call_id,start_time,end_time,duration_seconds,billing_duration_seconds,carrier_name,"
                    + "destination_number,call_type,direction,call_outcome\n");
            long monthSeconds = DAYS * 86_400L;
            long epochStart = MONTH_START.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            long call = 0;
            while (written < legCount) {
                call++;
                // calls spread evenly over the month, in time order
                long callStart = epochStart + (written * monthSeconds) / legCount;
                int legsInCall = (int) Math.min(legCount - written, random.nextInt(10) < 8 ? 1 : 2);
                for (int i = 0; i < legsInCall; i++) {
                    written++;
                    Carrier carrier = CARRIERS.get(random.nextInt(CARRIERS.size()));
                    String legId = "L" + written;
                    long start = callStart + i * (30 + random.nextInt(60));
                    int seconds = 1 + random.nextInt(900);
                    int roll = random.nextInt(100);
                    String type = "voip";
                    String direction = "outbound";
                    String outcome = "answered";
                    int billing = seconds;
                    if (roll < 4) {
                        direction = "inbound";
                    } else if (roll < 7) {
                        outcome = "no-answer";
                        billing = 0;
                    } else if (roll < 9) {
                        type = "internal";
                        direction = "internal";
                    } else if (roll < 11) {
                        type = "monitor";
                    } else if (roll < 12) {
                        billing = 0;
                    }
                    String number = number(random, written);
                    usage.write(legId + ",C" + call + "," + Instant.ofEpochSecond(start) + ","
                            + Instant.ofEpochSecond(start + seconds) + "," + seconds + "," + billing + ","
                            + carrier.name() + "," + number + "," + type + "," + direction + "," + outcome + "\n");
                    boolean carrierLeg = type.equals("voip") && direction.equals("outbound")
                            && outcome.equals("answered") && billing > 0;
                    if (!carrierLeg) {
                        continue;
                    }
                    carrierLegs++;
                    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(start, 86_400L));
                    Rate rate = rate(carrier.name(), number.substring(1), day);
                    if (rate == null) {
                        unratable++;
                        continue;
                    }
                    if (carrierLegs % MISSING_EVERY == MISSING_EVERY / 2) {
                        missing++;
                        continue;
                    }
                    int billed = billed(billing, rate.first(), rate.next());
                    BigDecimal charge = rate.perMinute().multiply(BigDecimal.valueOf(billed))
                            .divide(BigDecimal.valueOf(60), carrier.scale(), RoundingMode.HALF_UP);
                    if (carrierLegs % CHARGE_DELTA_EVERY == CHARGE_DELTA_EVERY / 2) {
                        charge = charge.add(CHARGE_DELTA);
                        deltas++;
                    }
                    String minutes = BigDecimal.valueOf(billed).divide(BigDecimal.valueOf(60), 6,
                            RoundingMode.HALF_UP).toPlainString();
                    BufferedWriter out = invoices.get(carrier.name());
                    out.write("LINE," + invoiceNumber(carrier) + ",2026-11-05,USD," + legId + "," + number + ","
                            + Instant.ofEpochSecond(start) + "," + minutes + "," + charge.toPlainString() + "\n");
                    totals.merge(carrier.name(), charge, BigDecimal::add);
                    lineCounts.merge(carrier.id(), 1L, Long::sum);
                    if (carrierLegs % EXTRA_EVERY == 7) {
                        out.write("LINE," + invoiceNumber(carrier) + ",2026-11-05,USD,X" + legId + "," + number + ","
                                + Instant.ofEpochSecond(start) + "," + minutes + ",0.5000\n");
                        totals.merge(carrier.name(), new BigDecimal("0.5000"), BigDecimal::add);
                        lineCounts.merge(carrier.id(), 1L, Long::sum);
                        extra++;
                    }
                }
            }
        } finally {
            for (Carrier carrier : CARRIERS) {
                BufferedWriter out = invoices.get(carrier.name());
                if (out != null) {
                    // invoices state their total in cents
                    out.write("TOTAL," + invoiceNumber(carrier) + ",2026-11-05,USD,,,,,"
                            + totals.get(carrier.name()).setScale(2, RoundingMode.HALF_UP).toPlainString() + "\n");
                    out.close();
                }
            }
        }
        expected = new Expected(written, carrierLegs, unratable, deltas, missing, extra, lineCounts);
    }

    private static String invoiceNumber(Carrier carrier) {
        return carrier.id().toUpperCase() + "-2026-10";
    }

    private String number(SplittableRandom random, long legNo) {
        if (legNo % UNRATABLE_EVERY == 0) {
            return "+999" + (1_000_000 + random.nextInt(8_000_000));
        }
        String prefix = prefixes.get(random.nextInt(prefixes.size()));
        StringBuilder number = new StringBuilder("+").append(prefix);
        int length = prefix.startsWith("1") ? 11 : 11 + random.nextInt(2);
        while (number.length() - 1 < length) {
            number.append(random.nextInt(10));
        }
        return number.toString();
    }

    /** The longest prefix of the carrier's card in force on the day, by the rules the README states. */
    private Rate rate(String carrierName, String digits, LocalDate day) {
        Map<String, List<Rate>> card = rates.get(carrierName);
        for (int length = Math.min(digits.length(), 15); length > 0; length--) {
            List<Rate> rows = card.get(digits.substring(0, length));
            if (rows != null) {
                for (Rate row : rows) {
                    if (!day.isBefore(row.from()) && (row.to() == null || !day.isAfter(row.to()))) {
                        return row;
                    }
                }
            }
        }
        return null;
    }

    static int billed(int seconds, int first, int next) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds <= first) {
            return first;
        }
        return first + (seconds - first + next - 1) / next * next;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
