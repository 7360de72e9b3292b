package io.billinghub.allocation;

import java.math.BigDecimal;

/**
 * A charge in whole cents, with the driver quantity behind it (seats, minutes, channels, users), the licence
 * utilisation ratio where one applies, and a readable account of how it was computed.
 */
public record AllocationLine(LineKey key, BigDecimal amount, BigDecimal quantity, String unit,
                             BigDecimal utilisation, String detail) {
}
