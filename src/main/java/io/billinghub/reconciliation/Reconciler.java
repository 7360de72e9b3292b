package io.billinghub.reconciliation;

import io.billinghub.exceptions.ExceptionType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches invoice lines to rated legs by leg reference for a set of finalised UTC days. A matched pair is a
 * discrepancy when the charge differs by more than the charge tolerance or the billed minutes by more than the
 * minute tolerance; a rated leg no line claims is missing on the invoice (or, when the carrier billed nothing at
 * all that day, the day has no invoice); a line no carrier leg of that carrier matches is not in usage.
 */
public final class Reconciler {

    private final BigDecimal chargeTolerance;
    private final BigDecimal minuteTolerance;

    public Reconciler(BigDecimal chargeTolerance, BigDecimal minuteTolerance) {
        this.chargeTolerance = chargeTolerance;
        this.minuteTolerance = minuteTolerance;
    }

    /**
     * Findings and per carrier/day/invoice summaries; and the lines given that belong to none of the days, by the
     * day they belong to (their own date, or the day of the carrier leg of their own carrier they bill).
     */
    public record Result(List<ReconciliationSummary> summaries, List<Discrepancy> discrepancies,
                         Map<LocalDate, List<BilledLine>> linesOfOtherDays) {
    }

    /**
     * @param days  the finalised days reconciled
     * @param legs  carrier legs of those days plus every leg an invoice line references
     * @param lines current invoice lines dated on those days or referencing their legs, in invoice order
     */
    public Result reconcile(Set<LocalDate> days, Collection<InternalLeg> legs, List<BilledLine> lines) {
        Map<String, InternalLeg> legsById = new HashMap<>();
        legs.forEach(leg -> legsById.put(leg.legId(), leg));
        Pass pass = start(days);
        lines.forEach(line -> pass.line(line, legsById.get(line.legReference())));
        legs.forEach(pass::leg);
        return pass.result();
    }

    /** A pass fed row by row, so only its findings, tallies and matched leg ids are held, never every row. */
    public Pass start(Set<LocalDate> days) {
        return new Pass(days);
    }

    /**
     * One pass over the lines, then the legs: every line first, in invoice order (carrier, invoice number, line
     * number: the first line claiming a leg matches it, later ones bill it again), then the carrier legs of the
     * days, each once.
     */
    public final class Pass {
        private final Set<LocalDate> days;
        private final Map<Key, Tally> tallies = new TreeMap<>();
        private final List<Discrepancy> found = new ArrayList<>();
        private final Set<String> matchedLegs = new HashSet<>();
        private final Set<String> billedCarrierDays = new HashSet<>();
        // carrier|day of unbilled legs → their tally; a day its carrier billed has its missing legs as findings
        private final Map<String, Key> unbilledDays = new TreeMap<>();
        private final Map<String, List<Discrepancy>> missing = new HashMap<>();
        private final Map<LocalDate, List<BilledLine>> linesOfOtherDays = new TreeMap<>();

        private Pass(Set<LocalDate> days) {
            this.days = days;
        }

        /** An invoice line with the leg it references ({@code null} when there is no such leg). */
        public void line(BilledLine line, InternalLeg leg) {
            if (days.contains(line.utcDay())) {
                billedCarrierDays.add(line.carrierName() + "|" + line.utcDay());
            }
            // a line belongs to the day of the leg it bills when that is a carrier leg of its own carrier (where the
            // leg would otherwise be missing); a line billing anything else is a finding of its own day
            boolean ownLeg = leg != null && leg.isCarrierLeg() && Objects.equals(leg.carrierName(),
                    line.carrierName());
            LocalDate day = ownLeg ? leg.utcDay() : line.utcDay();
            if (!days.contains(day)) {
                linesOfOtherDays.computeIfAbsent(day, d -> new ArrayList<>()).add(line);
                return;
            }
            Tally tally = tallies.computeIfAbsent(new Key(line.carrierName(), day, line.invoiceNumber()),
                    k -> new Tally());
            tally.billed(line);
            String mismatch = leg == null ? "no usage leg " + line.legReference()
                    : !leg.isCarrierLeg() ? "leg " + leg.legId() + " is a " + leg.legClass()
                            + " leg, which carries no carrier charge"
                    : !Objects.equals(leg.carrierName(), line.carrierName()) ? "usage says leg " + leg.legId()
                            + " went through " + leg.carrierName() + ", not " + line.carrierName()
                    : null;
            if (mismatch != null) {
                tally.notInUsage++;
                found.add(new Discrepancy(ExceptionType.RECON_NOT_IN_USAGE, line.carrierName(), day,
                        line.invoiceNumber(), line.legReference(), line, null, line.charge(), null, line.minutes(), 0,
                        line.carrierName() + " billed " + line.charge() + " for " + line.minutes() + " min on invoice "
                                + line.invoiceNumber() + " (" + line.position() + "): " + mismatch));
                return;
            }
            if (!matchedLegs.add(leg.legId())) {
                tally.notInUsage++;
                found.add(new Discrepancy(ExceptionType.RECON_DUPLICATE_BILLING, line.carrierName(), day,
                        line.invoiceNumber(), leg.legId(), line, leg.cost(), line.charge(), leg.billedMinutes(),
                        line.minutes(), 1, "leg " + leg.legId() + " is billed again on invoice " + line.invoiceNumber()
                        + " (" + line.position() + ")"));
                return;
            }
            tally.matched(leg);
            compare(line, leg, day, tally);
        }

        /** A leg of the days, after every line; legs no line matched are missing or, for a whole day, unbilled. */
        public void leg(InternalLeg leg) {
            // an unrated leg is already a case of its own (UNRATED_LEG); it is expected on an invoice once rated
            if (!leg.isCarrierLeg() || leg.cost() == null || !days.contains(leg.utcDay())
                    || matchedLegs.contains(leg.legId())) {
                return;
            }
            String carrierDay = leg.carrierName() + "|" + leg.utcDay();
            Key key = unbilledDays.computeIfAbsent(carrierDay,
                    k -> new Key(leg.carrierName(), leg.utcDay(), ReconciliationSummary.UNBILLED));
            tallies.computeIfAbsent(key, k -> new Tally()).unbilled(leg);
            // missing legs are cases of their own on a day the carrier billed; else the day is one case (result)
            if (billedCarrierDays.contains(carrierDay)) {
                missing.computeIfAbsent(carrierDay, k -> new ArrayList<>()).add(new Discrepancy(
                        ExceptionType.RECON_MISSING_ON_INVOICE, leg.carrierName(), leg.utcDay(), null, leg.legId(),
                        null, leg.cost(), null, leg.billedMinutes(), null, 1, "leg " + leg.legId() + " ("
                        + leg.billedMinutes() + " min, " + leg.cost().toPlainString() + ") is on no invoice of "
                        + leg.carrierName() + " for " + leg.utcDay()));
            }
        }

        /** Findings (lines in order, then the unbilled legs by carrier and day) and the summaries. */
        public Result result() {
            List<Discrepancy> all = new ArrayList<>(found);
            unbilledDays.forEach((carrierDay, key) -> {
                if (billedCarrierDays.contains(carrierDay)) {
                    all.addAll(missing.get(carrierDay));
                    return;
                }
                Tally tally = tallies.get(key);
                tally.noInvoice = true;
                all.add(new Discrepancy(ExceptionType.RECON_NO_INVOICE, key.carrierName(), key.day(), null, null,
                        null, tally.internalCost, null, tally.internalMinutes, null, tally.missingOnInvoice,
                        key.carrierName() + " billed nothing for " + key.day() + ": " + tally.missingOnInvoice
                                + " carrier legs, " + tally.internalMinutes + " min, " + tally.internalCost
                                + " rated"));
            });
            List<ReconciliationSummary> summaries = new ArrayList<>();
            tallies.forEach((key, tally) -> summaries.add(tally.summary(key)));
            return new Result(summaries, all, linesOfOtherDays);
        }

        private void compare(BilledLine line, InternalLeg leg, LocalDate day, Tally tally) {
            BigDecimal internalCharge = leg.cost();
            if (internalCharge == null || internalCharge.subtract(line.charge()).abs().compareTo(chargeTolerance) > 0) {
                tally.chargeMismatches++;
                found.add(new Discrepancy(ExceptionType.RECON_CHARGE_DELTA, line.carrierName(), day,
                        line.invoiceNumber(), leg.legId(), line, internalCharge, line.charge(), leg.billedMinutes(),
                        line.minutes(), 1, internalCharge == null
                                ? "leg " + leg.legId() + " is billed " + line.charge() + " but is unrated here"
                                : "leg " + leg.legId() + " charge " + line.charge() + " on the invoice, "
                                        + internalCharge + " rated (delta " + line.charge().subtract(internalCharge)
                                        + ")"));
            }
            if (leg.billedMinutes().subtract(line.minutes()).abs().compareTo(minuteTolerance) > 0) {
                tally.minuteMismatches++;
                found.add(new Discrepancy(ExceptionType.RECON_MINUTE_DELTA, line.carrierName(), day,
                        line.invoiceNumber(), leg.legId(), line, internalCharge, line.charge(), leg.billedMinutes(),
                        line.minutes(), 1, "leg " + leg.legId() + " billed " + line.minutes() + " min on the invoice, "
                        + leg.billedMinutes() + " min rated"));
            }
        }
    }

    private record Key(String carrierName, LocalDate day, String invoiceNumber) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byCarrier = carrierName.compareTo(other.carrierName);
            int byDay = day.compareTo(other.day);
            return byCarrier != 0 ? byCarrier : byDay != 0 ? byDay : invoiceNumber.compareTo(other.invoiceNumber);
        }
    }

    /** Running figures of one carrier/day/invoice. */
    private static final class Tally {
        int matchedLines;
        int chargeMismatches;
        int minuteMismatches;
        int missingOnInvoice;
        int notInUsage;
        int internalLegs;
        int invoiceLines;
        boolean noInvoice;
        BigDecimal internalMinutes = BigDecimal.ZERO;
        BigDecimal internalCost = BigDecimal.ZERO;
        BigDecimal invoiceMinutes = BigDecimal.ZERO;
        BigDecimal invoiceCharge = BigDecimal.ZERO;

        void billed(BilledLine line) {
            invoiceLines++;
            invoiceMinutes = invoiceMinutes.add(line.minutes());
            invoiceCharge = invoiceCharge.add(line.charge());
        }

        void matched(InternalLeg leg) {
            matchedLines++;
            internal(leg);
        }

        void unbilled(InternalLeg leg) {
            missingOnInvoice++;
            internal(leg);
        }

        private void internal(InternalLeg leg) {
            internalLegs++;
            internalMinutes = internalMinutes.add(leg.billedMinutes());
            if (leg.cost() != null) {
                internalCost = internalCost.add(leg.cost());
            }
        }

        ReconciliationSummary summary(Key key) {
            boolean clean = chargeMismatches == 0 && minuteMismatches == 0 && missingOnInvoice == 0
                    && notInUsage == 0;
            String status = noInvoice ? "NO_INVOICE"
                    : ReconciliationSummary.UNBILLED.equals(key.invoiceNumber()) ? "UNBILLED_LEGS"
                    : clean ? "MATCHED" : "DISCREPANCIES";
            return new ReconciliationSummary(key.carrierName(), key.day(), key.invoiceNumber(), status, matchedLines,
                    chargeMismatches, minuteMismatches, missingOnInvoice, notInUsage, internalLegs, internalMinutes,
                    internalCost, invoiceLines, invoiceMinutes, invoiceCharge);
        }
    }
}
