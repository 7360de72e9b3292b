package io.billinghub.invoices.csv;

import static io.billinghub.invoices.csv.CsvInvoiceParser.CHARGE;
import static io.billinghub.invoices.csv.CsvInvoiceParser.CURRENCY;
import static io.billinghub.invoices.csv.CsvInvoiceParser.DESTINATION_NUMBER;
import static io.billinghub.invoices.csv.CsvInvoiceParser.INVOICE_DATE;
import static io.billinghub.invoices.csv.CsvInvoiceParser.INVOICE_NUMBER;
import static io.billinghub.invoices.csv.CsvInvoiceParser.LEG_REFERENCE;
import static io.billinghub.invoices.csv.CsvInvoiceParser.MINUTES;
import static io.billinghub.invoices.csv.CsvInvoiceParser.RECORD_TYPE;
import static io.billinghub.invoices.csv.CsvInvoiceParser.START_TIME;

import io.billinghub.invoices.Invoice;
import io.billinghub.invoices.InvoiceLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes invoices in the carrier CSV format that {@link CsvInvoiceParser} reads, as a carrier would send them:
 * LINE rows with the start time as local time in the carrier zone (no offset), then a TOTAL row when the invoice
 * states a total. Local time is ambiguous in the hour an autumn fall-back repeats: a call in its second occurrence
 * reads back as the first.
 */
public class CsvInvoiceWriter {

    private static final String[] HEADER = {
            RECORD_TYPE, INVOICE_NUMBER, INVOICE_DATE, CURRENCY, LEG_REFERENCE, DESTINATION_NUMBER, START_TIME,
            MINUTES, CHARGE};

    /**
     * @throws IllegalArgumentException when an invoice has other charges, which the CSV format has no field for
     */
    public String write(List<Invoice> invoices, ZoneId carrierZone) {
        StringBuilder out = new StringBuilder();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(HEADER).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Invoice invoice : invoices) {
                if (invoice.otherCharges() != null && invoice.otherCharges().signum() != 0) {
                    throw new IllegalArgumentException("invoice " + invoice.invoiceNumber() + " has other charges "
                            + invoice.otherCharges().toPlainString() + ", which the CSV format cannot carry");
                }
                String date = invoice.invoiceDate() == null ? "" : invoice.invoiceDate().toString();
                String currency = Objects.toString(invoice.currency(), "");
                for (InvoiceLine line : invoice.lines()) {
                    printer.printRecord("LINE", invoice.invoiceNumber(), date, currency, line.legReference(),
                            Objects.toString(line.destinationNumber(), ""),
                            DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                                    LocalDateTime.ofInstant(line.startTime(), carrierZone)),
                            line.minutes().toPlainString(), line.charge().toPlainString());
                }
                if (invoice.statedTotal() != null) {
                    printer.printRecord("TOTAL", invoice.invoiceNumber(), date, currency, "", "", "", "",
                            invoice.statedTotal().toPlainString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
