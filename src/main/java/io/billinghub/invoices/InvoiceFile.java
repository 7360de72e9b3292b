package io.billinghub.invoices;

import io.billinghub.platform.Checksums;
import java.nio.file.Path;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;

/**
 * A carrier file to ingest: its content, opened as often as the intake needs it and never held whole, and its
 * SHA-256 checksum.
 */
public record InvoiceFile(InputStreamSource content, String checksum) {

    /** A file on local disk, checksummed as it was taken. */
    public static InvoiceFile of(Path file, String checksum) {
        return new InvoiceFile(new FileSystemResource(file), checksum);
    }

    /** A file as bytes: a replay brings the bytes the exception queue kept. */
    public static InvoiceFile of(byte[] content) {
        return new InvoiceFile(new ByteArrayResource(content), Checksums.sha256(content));
    }
}
