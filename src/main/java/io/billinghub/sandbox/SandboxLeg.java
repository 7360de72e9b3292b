package io.billinghub.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One usage record as the vendor's {@code /api/v2/telephony/usage} returns it (design document §1): one SIP leg.
 * Durations are whole seconds; times are UTC.
 */
public record SandboxLeg(
        String callId,
        String legId,
        @JsonSerialize(using = UtcMillis.class) Instant startTime,
        @JsonSerialize(using = UtcMillis.class) Instant endTime,
        Integer duration,
        Integer billingDuration,
        String carrierName,
        String destinationNumber,
        String destinationLocation,
        String callType,
        String direction,
        String callOutcome) {

    /** Writes instants the way the vendor does, always with milliseconds ("2026-10-01T14:22:10.000Z"). */
    static final class UtcMillis extends JsonSerializer<Instant> {
        static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(FORMAT.format(value));
        }
    }
}
