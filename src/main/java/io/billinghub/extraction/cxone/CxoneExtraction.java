package io.billinghub.extraction.cxone;

import java.time.YearMonth;

/** What one extraction unit asks for: a tenant's usage report for one invoice billing period. */
public record CxoneExtraction(String tenantId, YearMonth period) {
}
