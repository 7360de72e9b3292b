package io.billinghub.wholesale;

import java.math.BigDecimal;

/** A customer's usage of one SKU in a period: the exact sum of its report rows' QUANTITY (licence-days). */
public record CustomerUsage(String partnerId, String scopeOrgId, String customerOrgId, String customerExternalId,
                            String sku, String description, String serviceName, BigDecimal quantity, int rows) {
}
