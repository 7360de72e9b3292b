package io.billinghub.invoices;

import io.billinghub.platform.Reasons;

/** The whole file cannot be read (broken envelope, missing header, not text): nothing of it is accepted. */
public class InvalidInvoiceFileException extends RuntimeException {

    private final String position;

    public InvalidInvoiceFileException(String position, String message) {
        super(describe(position, message));
        this.position = position;
    }

    public InvalidInvoiceFileException(String position, String message, Throwable cause) {
        super(describe(position, message), cause);
        this.position = position;
    }

    /** The message may quote a value of any size: it is cut, the file itself goes with the case. */
    private static String describe(String position, String message) {
        return Reasons.shorten(message) + (position == null ? "" : " (at " + position + ")");
    }

    public String position() {
        return position;
    }
}
