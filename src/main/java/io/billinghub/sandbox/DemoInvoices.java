package io.billinghub.sandbox;

import io.billinghub.extraction.UsageLeg;
import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import io.billinghub.invoices.csv.CsvInvoiceWriter;
import io.billinghub.invoices.x12.X12InvoiceWriter;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.LegRater;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingReference;
import io.billinghub.rating.RatingStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carriers' side of the demo month: each carrier's invoice for its legs, priced as its contract says, with
 * the kinds of discrepancy real invoices carry, so the demo shows every reconciliation outcome:
 * <ul>
 *   <li>Bandwidth.com (CSV): one charge 0.05 too high, one line 2 minutes too long, one leg left off, one line for
 *       a leg the platform never reported, and one malformed line;</li>
 *   <li>Twilio (CSV): lines all correct, but the stated total 1.00 too high;</li>
 *   <li>Telnyx (X12 811): one call billed twice; plus a second file whose envelope is broken (SE01 wrong);</li>
 *   <li>Sinch (CSV): nothing billed for the 15th.</li>
 * </ul>
 */
public final class DemoInvoices {

    /** A file as a carrier drops it. */
    public record CarrierFile(String carrierId, String fileName, byte[] content) {
    }

    private final RatingReference reference;

    public DemoInvoices(RatingReference reference) {
        this.reference = reference;
    }

    public List<CarrierFile> files(YearMonth period, List<UsageLeg> legs) {
        Map<String, List<InvoiceLine>> byCarrier = new LinkedHashMap<>();
        LegRater rater = new LegRater();
        for (UsageLeg leg : legs) {
            RatedLeg rated = rater.rate(leg, null, reference);
            if (rated.status() == RatingStatus.RATED && YearMonth.from(rated.utcDay()).equals(period)) {
                byCarrier.computeIfAbsent(rated.carrierId(), c -> new ArrayList<>()).add(new InvoiceLine(null,
                        null, leg.legId(), leg.destinationNumber(), leg.startTime(), rated.billedMinutes(),
                        rated.cost(), null));
            }
        }
        List<CarrierFile> files = new ArrayList<>();
        String month = period.toString();

        List<InvoiceLine> bandwidth = new ArrayList<>(byCarrier.getOrDefault("bandwidth", List.of()));
        String bwNumber = "BW-" + month;
        bandwidth.set(10, with(bandwidth.get(10), null, bandwidth.get(10).charge().add(new BigDecimal("0.05"))));
        bandwidth.set(20, with(bandwidth.get(20), bandwidth.get(20).minutes().add(new BigDecimal("2")), null));
        bandwidth.remove(30);
        InvoiceLine template = bandwidth.get(0);
        bandwidth.add(new InvoiceLine(null, null, "leg-unknown-to-the-platform-0001", template.destinationNumber(),
                template.startTime().plusSeconds(3600), new BigDecimal("3.000000"), new BigDecimal("0.0270"), null));
        String bwCsv = csv(carrier("bandwidth"), bwNumber, bandwidth, null)
                + "LINE," + bwNumber + ",,USD,leg-with-bad-charge,+14155550100," + period.atDay(3) + "T10:00:00,1.5,"
                + "twelve cents\n";
        files.add(new CarrierFile("bandwidth", "bandwidth-" + month + ".csv", bwCsv.getBytes(StandardCharsets.UTF_8)));

        List<InvoiceLine> twilio = byCarrier.getOrDefault("twilio", List.of());
        BigDecimal twilioTotal = sum(twilio).setScale(2, RoundingMode.HALF_UP).add(BigDecimal.ONE);
        files.add(new CarrierFile("twilio", "twilio-" + month + ".csv",
                csv(carrier("twilio"), "TW-" + month, twilio, twilioTotal).getBytes(StandardCharsets.UTF_8)));

        List<InvoiceLine> telnyx = new ArrayList<>(byCarrier.getOrDefault("telnyx", List.of()));
        telnyx.add(6, telnyx.get(5));
        // the carrier issues on the 2nd of the next month at 09:00 UTC: the same bytes on every demo run
        X12InvoiceWriter x12 = new X12InvoiceWriter("TELNYX", "BILLINGHUB", Clock.fixed(
                period.plusMonths(1).atDay(2).atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        String telnyxEdi = x12.write(List.of(invoice("TX-" + month, period, telnyx, null)),
                carrier("telnyx").invoiceTimeZone(), 1001);
        files.add(new CarrierFile("telnyx", "telnyx-" + month + ".edi", telnyxEdi.getBytes(StandardCharsets.UTF_8)));
        String credit = x12.write(List.of(invoice("TX-" + month + "-C1", period, telnyx.subList(0, 2), null)),
                carrier("telnyx").invoiceTimeZone(), 1002).replaceFirst("SE\\*(\\d+)\\*", "SE*99*");
        files.add(new CarrierFile("telnyx", "telnyx-" + month + "-credit.edi",
                credit.getBytes(StandardCharsets.UTF_8)));

        LocalDate unbilledDay = period.atDay(15);
        List<InvoiceLine> sinch = byCarrier.getOrDefault("sinch", List.of()).stream()
                .filter(line -> !LocalDate.ofInstant(line.startTime(), ZoneOffset.UTC).equals(unbilledDay))
                .toList();
        files.add(new CarrierFile("sinch", "sinch-" + month + ".csv",
                csv(carrier("sinch"), "SN-" + month, sinch, null).getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private String csv(CarrierProfile carrier, String number, List<InvoiceLine> lines, BigDecimal statedTotal) {
        BigDecimal total = statedTotal != null ? statedTotal : sum(lines).setScale(2, RoundingMode.HALF_UP);
        return new CsvInvoiceWriter().write(List.of(invoice(number, null, lines, total)), carrier.invoiceTimeZone());
    }

    private static Invoice invoice(String number, YearMonth period, List<InvoiceLine> lines, BigDecimal total) {
        LocalDate start = period == null ? null : period.atDay(1);
        LocalDate end = period == null ? null : period.atEndOfMonth();
        LocalDate date = period == null ? null : period.plusMonths(1).atDay(2);
        List<InvoiceLine> numbered = lines.stream().map(l -> new InvoiceLine(null, number, l.legReference(),
                l.destinationNumber(), l.startTime(), l.minutes(), l.charge(), null)).toList();
        return new Invoice(number, date, start, end, "USD", total, BigDecimal.ZERO, numbered);
    }

    private CarrierProfile carrier(String carrierId) {
        return reference.carriersByName().values().stream().filter(c -> c.carrierId().equals(carrierId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo carrier " + carrierId + " is not in carriers.csv"));
    }

    private static InvoiceLine with(InvoiceLine line, BigDecimal minutes, BigDecimal charge) {
        return new InvoiceLine(null, null, line.legReference(), line.destinationNumber(), line.startTime(),
                minutes == null ? line.minutes() : minutes, charge == null ? line.charge() : charge, null);
    }

    private static BigDecimal sum(List<InvoiceLine> lines) {
        return lines.stream().map(InvoiceLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
