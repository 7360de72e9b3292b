package io.billinghub.exceptions;

public enum ExceptionStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
