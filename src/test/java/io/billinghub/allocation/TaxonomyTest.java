package io.billinghub.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = new Taxonomy(ChargebackFixtures.policy(), ChargebackFixtures.reference(),
            LocalDate.parse("2026-10-31"));

    @Test
    void costCentreComesFromAttributesOnlyNeverFromNamesOrEmailDomains() {
        OrgRecord.User user = new OrgRecord.User("u", "Finance Team - FIN-0001", UserStatus.ACTIVE, "CX_1",
                "us-east", AccountType.AGENT, Map.of("email", "jane@finance.example.com"));
        assertThat(taxonomy.user(user)).isEqualTo(new Attribution(CostCentreRef.UNALLOCATED,
                "MISSING_COST_CENTRE", "us-east/"));
    }

    @Test
    void ownerAttributeNamesTheBusinessUnitAndHrisFillsItIn() {
        assertThat(taxonomy.user(user(Map.of("CostCenterID", "FIN-0001", "BU::OWNER", "GROUP-FINANCE"))).target())
                .isEqualTo(new CostCentreRef("us-east", "FIN-0001", "GROUP-FINANCE"));
        assertThat(taxonomy.user(user(Map.of("CostCenterID", "FIN-0001"))).target())
                .isEqualTo(new CostCentreRef("us-east", "FIN-0001", "FINANCE"));
    }

    @Test
    void buCostCenterWinsOverCostCenterId() {
        assertThat(taxonomy.user(user(Map.of("BU::COST_CENTER", "SAL-0100", "CostCenterID", "FIN-0001")))
                .target().code()).isEqualTo("SAL-0100");
    }

    @Test
    void malformedCodeGoesToUnallocatedWithTheCodeAsFound() {
        assertThat(taxonomy.user(user(Map.of("CostCenterID", "fin_1"))))
                .isEqualTo(new Attribution(CostCentreRef.UNALLOCATED, "INVALID_COST_CENTRE", "us-east/fin_1"));
    }

    @Test
    void codeValidInAnotherDivisionOnlyIsAGhostHere() {
        OrgRecord.User user = new OrgRecord.User("u", "n", UserStatus.ACTIVE, "CX_1", "eu-west", AccountType.AGENT,
                Map.of("CostCenterID", "RET-0452"));
        assertThat(taxonomy.user(user).reason()).isEqualTo("GHOST_COST_CENTRE");
    }

    @Test
    void closedCostCentreIsAGhostAfterItsEnd() {
        Taxonomy august = new Taxonomy(ChargebackFixtures.policy(), ChargebackFixtures.reference(),
                LocalDate.parse("2026-08-31"));
        assertThat(august.user(user(Map.of("CostCenterID", "MKT-0300"))).reason()).isEqualTo("STANDARD");
        assertThat(taxonomy.user(user(Map.of("CostCenterID", "MKT-0300"))).reason()).isEqualTo("GHOST_COST_CENTRE");
    }

    @Test
    void serviceAndIntegrationAccountsWithoutCostCentreGetTheDefault() {
        for (AccountType type : new AccountType[] {AccountType.SERVICE, AccountType.INTEGRATION}) {
            OrgRecord.User account = new OrgRecord.User("svc", "CRM sync", UserStatus.ACTIVE, null, "us-east", type,
                    Map.of());
            assertThat(taxonomy.user(account)).isEqualTo(new Attribution(
                    new CostCentreRef("GLOBAL", "IT-OVERHEAD", "IT"), "DEFAULT_COST_CENTRE", ""));
        }
    }

    /** A queue without attributes (a published Genesys queue with no mapping row) is charged to Unallocated. */
    @Test
    void aQueueWithoutAttributesHasNoCostCentre() {
        assertThat(taxonomy.queue(new OrgRecord.Queue("q", "Overflow", "us-east", Map.of()))).isEqualTo(
                new Attribution(CostCentreRef.UNALLOCATED, "MISSING_COST_CENTRE", "us-east/"));
    }

    private static OrgRecord.User user(Map<String, String> attributes) {
        return new OrgRecord.User("u", "n", UserStatus.ACTIVE, "CX_1", "us-east", AccountType.AGENT, attributes);
    }
}
