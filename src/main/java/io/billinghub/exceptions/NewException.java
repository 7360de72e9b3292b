package io.billinghub.exceptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case to raise in the exception queue. {@code dedupeKey} makes raising idempotent: while a case with the same
 * type and key is open, raising it again refreshes its evidence instead of opening a second case.
 */
public record NewException(
        ExceptionType type,
        String pipeline,
        String source,
        String sourcePosition,
        String reason,
        String causeClass,
        String routeId,
        String endpoint,
        String replayEndpoint,
        String runId,
        String correlationId,
        String dedupeKey,
        Map<String, Object> context,
        byte[] payload,
        String payloadType,
        Map<String, Object> headers) {

    public static Builder of(ExceptionType type, String reason) {
        return new Builder(type, reason);
    }

    /** Builder, because most cases only fill a few of the fields. */
    public static final class Builder {
        private final ExceptionType type;
        private final String reason;
        private String pipeline;
        private String source;
        private String sourcePosition;
        private String causeClass;
        private String routeId;
        private String endpoint;
        private String replayEndpoint;
        private String runId;
        private String correlationId;
        private String dedupeKey;
        private final Map<String, Object> context = new LinkedHashMap<>();
        private byte[] payload;
        private String payloadType;
        private final Map<String, Object> headers = new LinkedHashMap<>();

        private Builder(ExceptionType type, String reason) {
            this.type = type;
            this.reason = reason;
        }

        public Builder pipeline(String value) {
            this.pipeline = value;
            return this;
        }

        public Builder source(String value, String position) {
            this.source = value;
            this.sourcePosition = position;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.causeClass = cause == null ? null : cause.getClass().getName();
            return this;
        }

        public Builder route(String routeIdValue, String endpointValue, String replayEndpointValue) {
            this.routeId = routeIdValue;
            this.endpoint = endpointValue;
            this.replayEndpoint = replayEndpointValue;
            return this;
        }

        public Builder run(String runIdValue, String correlationIdValue) {
            this.runId = runIdValue;
            this.correlationId = correlationIdValue;
            return this;
        }

        public Builder dedupeKey(String value) {
            this.dedupeKey = value;
            return this;
        }

        public Builder context(String key, Object value) {
            if (value != null) {
                this.context.put(key, value);
            }
            return this;
        }

        public Builder payload(byte[] content, String contentType) {
            this.payload = content;
            this.payloadType = contentType;
            return this;
        }

        public Builder headers(Map<String, Object> values) {
            this.headers.putAll(values);
            return this;
        }

        public NewException build() {
            return new NewException(type, pipeline, source, sourcePosition, reason, causeClass, routeId, endpoint,
                    replayEndpoint, runId, correlationId, dedupeKey, Map.copyOf(context), payload, payloadType,
                    Map.copyOf(headers));
        }
    }
}
