package io.billinghub.invoices;

/** The whole file cannot be read (broken envelope, missing header, not text): nothing of it is accepted. */
public class InvalidInvoiceFileException extends RuntimeException {

    private final String position;

    public InvalidInvoiceFileException(String position, String message) {
        super(position == null ? message : message + " (at " + position + ")");
        this.position = position;
    }

    public InvalidInvoiceFileException(String position, String message, Throwable cause) {
        super(position == null ? message : message + " (at " + position + ")", cause);
        this.position = position;
    }

    public String position() {
        return position;
    }
}
