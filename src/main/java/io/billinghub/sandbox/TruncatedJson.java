package io.billinghub.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A JSON page cut in the middle, as a proxy that lost its upstream half-way might pass it on: 200 OK and a length
 * that matches the cut body, so only the content shows that it is incomplete.
 */
public final class TruncatedJson {

    private TruncatedJson() {
    }

    public static ResponseEntity<Object> of(ObjectMapper json, Object body) {
        try {
            String whole = json.writeValueAsString(body);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(whole.substring(0, whole.length() / 2));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox page is not serialisable", e);
        }
    }
}
