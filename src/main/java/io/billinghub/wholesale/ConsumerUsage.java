package io.billinghub.wholesale;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One user's (or workspace's) usage of one SKU at one location and licence id in a period. */
public record ConsumerUsage(String customerOrgId, String sku, String consumer, String subscriberId, String userId,
                            String workspaceId, String locationId, String licenseId, LocalDate consumptionStart,
                            LocalDate consumptionEnd, BigDecimal quantity) {
}
