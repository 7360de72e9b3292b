package io.billinghub.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.org.OrgRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The figures Genesys Cloud's published APIs give besides the organisation, checked on the hand-worked fixture; they
 * raise findings and change no line.
 * <ul>
 * <li>Billed licence quantities (billable usage) against the active licensed users: active seats CX_1 5 (r1..r5),
 * CX_2 2 (u2, m1), CX_3 2 (u1, s1); s2 holds CX_3 but is SUSPENDED, d1 is DELETED.</li>
 * <li>Per-queue conversation aggregates against the October conversations by answering queue (c11 starts on
 * 1 November): qF c1 630 s (540 + 60 + 30), c4 600, c5 600 = 3 and 1830 s; qR c2 300, c8 1800, c9 600 = 3 and
 * 2700 s; qS c3 600 (420 + 60 + 120), c6 1200, c10 1200 = 3 and 3000 s; qM c7 60 = 1 and 60 s.</li>
 * </ul>
 */
class VendorFigureChecksTest {

    private final AllocationEngine engine = new AllocationEngine(ChargebackFixtures.policy());

    private AllocationResult allocate(List<? extends OrgRecord> vendorFigures) {
        TenantSnapshot t = ChargebackFixtures.tenant();
        List<OrgRecord> records = new ArrayList<>();
        records.addAll(t.users());
        records.addAll(t.queues());
        records.addAll(t.trunks());
        records.addAll(t.conversations());
        records.addAll(t.shifts());
        records.addAll(t.analytics());
        records.addAll(t.sessions());
        records.addAll(t.charges());
        records.addAll(vendorFigures);
        return engine.allocate(YearMonth.of(2026, 10), List.of(TenantSnapshot.of(t.vendor(), t.tenantId(), records)),
                ChargebackFixtures.q4(), ChargebackFixtures.reference());
    }

    @Test
    void aTypeBilledForMoreSeatsThanActiveUsersIsFlaggedAndNoFigureChanges() {
        AllocationResult without = allocate(List.of());
        // the vendor bills s2's suspended CX_3 seat too: 3 against 2 active; CX_1 and CX_2 agree; the WEM add-on
        // is no seat (NONE) and not checked; a usage whose name is not mapped is named as unchecked
        AllocationResult with = allocate(List.of(
                new OrgRecord.LicenceUsage("Genesys Cloud CX 1 User", "CX_1", new BigDecimal("5"), 5),
                new OrgRecord.LicenceUsage("Genesys Cloud CX 2 User", "CX_2", new BigDecimal("2"), 2),
                new OrgRecord.LicenceUsage("Genesys Cloud CX 3 User", "CX_3", new BigDecimal("3"), 3),
                new OrgRecord.LicenceUsage("Genesys Cloud WEM Add-on User", "NONE", new BigDecimal("3"), 3),
                new OrgRecord.LicenceUsage("Genesys Cloud Bot Flow", null, new BigDecimal("1"), 1)));
        List<ChargebackFinding> added = new ArrayList<>(with.findings());
        added.removeAll(without.findings());
        assertThat(added).containsExactly(
                new ChargebackFinding(ChargebackFinding.UNKNOWN_LICENCE_TYPE, "Genesys Cloud Bot Flow",
                        "billable usage Genesys Cloud Bot Flow (1) is not mapped to a licence type; it is not"
                                + " checked"),
                new ChargebackFinding(ChargebackFinding.LICENCE_QUANTITY_MISMATCH, "acme CX_3",
                        "the vendor bills 3 CX_3 licences; the snapshot has 2 active users holding one"));
        assertThat(with.lines()).isEqualTo(without.lines());
        assertThat(with.manifest()).isEqualTo(without.manifest());
    }

    @Test
    void aTypeActiveUsersHoldButTheVendorDoesNotBillIsFlaggedToo() {
        // CX_2 missing from the report: 0 billed against 2 active
        AllocationResult result = allocate(List.of(
                new OrgRecord.LicenceUsage("Genesys Cloud CX 1 User", "CX_1", new BigDecimal("5"), 5),
                new OrgRecord.LicenceUsage("Genesys Cloud CX 3 User", "CX_3", new BigDecimal("2"), 2)));
        assertThat(result.findings()).filteredOn(f -> f.kind().equals(ChargebackFinding.LICENCE_QUANTITY_MISMATCH))
                .containsExactly(new ChargebackFinding(ChargebackFinding.LICENCE_QUANTITY_MISMATCH, "acme CX_2",
                        "the vendor bills 0 CX_2 licences; the snapshot has 2 active users holding one"));
    }

    @Test
    void aQueueWhoseAggregatesDifferFromItsConversationsIsFlaggedAndNoFigureChanges() {
        AllocationResult without = allocate(List.of());
        Instant from = Instant.parse("2026-10-01T00:00:00Z");
        Instant to = Instant.parse("2026-11-01T00:00:00Z");
        // qF and qR agree (talk, hold and wrap-up split differently add up the same); qS misses c10 (2 and 1800 s);
        // qM is not in the aggregates at all
        AllocationResult with = allocate(List.of(
                new OrgRecord.QueueMetrics("qF", from, to, new BigDecimal("1740.000"), new BigDecimal("60"),
                        new BigDecimal("30"), 3),
                new OrgRecord.QueueMetrics("qR", from, to, new BigDecimal("2700"), BigDecimal.ZERO, BigDecimal.ZERO,
                        3),
                new OrgRecord.QueueMetrics("qS", from, to, new BigDecimal("1620.5"), new BigDecimal("60"),
                        new BigDecimal("119.5"), 2)));
        List<ChargebackFinding> added = new ArrayList<>(with.findings());
        added.removeAll(without.findings());
        assertThat(added).containsExactly(
                new ChargebackFinding(ChargebackFinding.QUEUE_METRICS_MISMATCH, "acme queue qM", "the vendor's"
                        + " aggregates give 0 connected conversations and 0 s of talk, hold and wrap-up; the extracted"
                        + " conversations 1 and 60 s"),
                new ChargebackFinding(ChargebackFinding.QUEUE_METRICS_MISMATCH, "acme queue qS", "the vendor's"
                        + " aggregates give 2 connected conversations and 1800 s of talk, hold and wrap-up; the"
                        + " extracted conversations 3 and 3000 s"));
        assertThat(with.lines()).isEqualTo(without.lines());
        assertThat(with.manifest()).isEqualTo(without.manifest());
    }
}
