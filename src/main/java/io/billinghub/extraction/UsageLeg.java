package io.billinghub.extraction;

import java.time.Instant;

/**
 * The canonical telephony leg every vendor adapter produces. Rating and reconciliation only ever see this shape.
 *
 * @param durationSeconds         media time the vendor measured
 * @param billingDurationSeconds  the duration the platform reports for billing (what carriers bill on)
 * @param rawPayload              the vendor record exactly as received, kept for audit and re-rating
 */
public record UsageLeg(
        String legId,
        String callId,
        String tenantId,
        String vendor,
        Instant startTime,
        Instant endTime,
        int durationSeconds,
        int billingDurationSeconds,
        String carrierName,
        String destinationNumber,
        String callType,
        String direction,
        String callOutcome,
        String rawPayload) {
}
