package io.billinghub.platform.http;

/** A 5xx or 408 answer: retried with exponential backoff and jitter. */
public class TransientHttpException extends RuntimeException {

    public TransientHttpException(String message) {
        super(message);
    }
}
