package io.billinghub.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.org.OrgRecord;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The vendor's billed licence quantities (Genesys Cloud's billable usage) checked against the snapshot's active
 * licensed users, on the hand-worked fixture: active seats CX_1 5 (r1..r5), CX_2 2 (u2, m1), CX_3 2 (u1, s1); s2
 * holds CX_3 but is SUSPENDED, d1 is DELETED.
 */
class LicenceQuantityCheckTest {

    private final AllocationEngine engine = new AllocationEngine(ChargebackFixtures.policy());

    private AllocationResult allocate(List<OrgRecord.LicenceUsage> usage) {
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
        records.addAll(usage);
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
}
