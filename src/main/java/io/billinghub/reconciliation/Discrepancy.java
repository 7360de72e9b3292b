package io.billinghub.reconciliation;

import io.billinghub.exceptions.ExceptionType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reconciliation finding. The dedupe key starts with the day ({@link #scope}), so a re-run of the day
 * refreshes or closes exactly the cases it is about.
 */
public record Discrepancy(ExceptionType type, String carrierName, LocalDate utcDay, String invoiceNumber,
                          String legId, BilledLine line, BigDecimal internalCharge, BigDecimal invoiceCharge,
                          BigDecimal internalMinutes, BigDecimal invoiceMinutes, int legCount, String message) {

    /** Every case of one reconciled day starts with this. */
    public static String scope(LocalDate day) {
        return day + "|";
    }

    /** Every case of one carrier on one reconciled day starts with this (all carriers' when it is null). */
    public static String scope(LocalDate day, String carrierName) {
        return carrierName == null ? scope(day) : scope(day) + carrierName + "|";
    }

    public String dedupeKey() {
        // the line by its invoice and position, never its row id: the key must be the same on every node and
        // after the file is ingested again
        return scope(utcDay, carrierName) + type + "|" + (legId == null ? "" : legId) + "|"
                + (line == null ? "" : line.invoiceNumber() + " " + line.position());
    }
}
