package io.billinghub.platform.http;

/** Any other 4xx: the request itself is wrong, retrying cannot help; it goes to the exception queue. */
public class RequestRejectedException extends RuntimeException {

    public RequestRejectedException(String message) {
        super(message);
    }
}
