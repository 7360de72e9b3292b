package io.billinghub.extraction.file;

/** A usage file that cannot be read as a whole: nothing of it is staged. */
public class InvalidUsageFileException extends RuntimeException {

    public InvalidUsageFileException(String message) {
        super(message);
    }
}
