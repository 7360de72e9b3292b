package io.billinghub.platform.http;

/** HTTP 401 on an API call: the cached token is dropped and the call retried once with a fresh one. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
