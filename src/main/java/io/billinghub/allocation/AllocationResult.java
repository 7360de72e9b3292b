package io.billinghub.allocation;

import java.util.List;

/** The lines of a period's chargeback, its manifest and the findings to review. */
public record AllocationResult(List<AllocationLine> lines, Manifest manifest, List<ChargebackFinding> findings) {

    public AllocationResult {
        lines = List.copyOf(lines);
        findings = List.copyOf(findings);
    }
}
