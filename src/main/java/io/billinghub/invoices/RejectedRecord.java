package io.billinghub.invoices;

/** A record of an invoice file that could not be accepted, kept with its position, reason and original text. */
public record RejectedRecord(String position, String reason, String raw) {
}
