package io.billinghub.exceptions;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.springframework.stereotype.Component;

/**
 * Turns a message body into bytes for the exception queue and back for replay. Hub objects travel as JSON with
 * their class name; only classes of the hub itself are ever rebuilt, so a stored payload cannot name an arbitrary
 * class to instantiate.
 */
@Component
public class PayloadCodec {

    static final String TEXT = "text";
    static final String BYTES = "bytes";
    static final String JSON_PREFIX = "json:";
    /** A file too large to keep in the queue: the payload says where it is instead, and it is not replayed. */
    static final String FILE_NOT_KEPT = "file-not-kept";
    /** Files up to this size are kept whole with their case; a larger one (millions of lines) stays on disk. */
    static final long MAX_KEPT_FILE_BYTES = 32L * 1024 * 1024;
    private static final String HUB_PACKAGE = "io.billinghub.";

    private final ObjectMapper json;

    public PayloadCodec(ObjectMapper json) {
        this.json = json;
    }

    public record Encoded(byte[] bytes, String type) {
    }

    public Encoded encode(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body == null) {
            return new Encoded(null, null);
        }
        if (body instanceof String text) {
            return new Encoded(text.getBytes(StandardCharsets.UTF_8), TEXT);
        }
        if (body instanceof byte[] bytes) {
            return new Encoded(bytes, BYTES);
        }
        if (body instanceof GenericFile<?> file) {
            if (file.getFileLength() > MAX_KEPT_FILE_BYTES) {
                return new Encoded(("the file " + file.getFileNameOnly() + " (" + file.getFileLength()
                        + " bytes) is too large to keep with its case: it is moved to the error folder beside its"
                        + " inbox; drop it into the inbox again to retry").getBytes(StandardCharsets.UTF_8),
                        FILE_NOT_KEPT);
            }
            return new Encoded(exchange.getIn().getBody(byte[].class), BYTES);
        }
        if (body.getClass().getName().startsWith(HUB_PACKAGE)) {
            try {
                return new Encoded(json.writeValueAsBytes(body), JSON_PREFIX + body.getClass().getName());
            } catch (IOException e) {
                throw new IllegalStateException("cannot store the body of the failed message as JSON", e);
            }
        }
        byte[] converted = exchange.getContext().getTypeConverter().tryConvertTo(byte[].class, exchange, body);
        return converted != null ? new Encoded(converted, BYTES)
                : new Encoded(body.toString().getBytes(StandardCharsets.UTF_8), TEXT);
    }

    public Object decode(byte[] bytes, String type) {
        if (bytes == null) {
            return null;
        }
        if (type == null || BYTES.equals(type)) {
            return bytes;
        }
        if (TEXT.equals(type)) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (FILE_NOT_KEPT.equals(type)) {
            throw new IllegalStateException(new String(bytes, StandardCharsets.UTF_8));
        }
        if (type.startsWith(JSON_PREFIX + HUB_PACKAGE)) {
            try {
                Class<?> target = Class.forName(type.substring(JSON_PREFIX.length()));
                return json.readValue(bytes, target);
            } catch (ClassNotFoundException | IOException e) {
                throw new IllegalStateException("stored payload of type " + type + " cannot be rebuilt", e);
            }
        }
        throw new IllegalStateException("stored payload type " + type + " is not replayable");
    }
}
