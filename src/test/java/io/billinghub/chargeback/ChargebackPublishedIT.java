package io.billinghub.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.platform.SettableClock;
import io.billinghub.support.HubIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chargeback month with both tenants on their PUBLISHED connectors, each configured as a real one is (the
 * sandbox answering every 4th request with 429 and every 7th with 503), through the hub's routes:
 * <ul>
 *   <li>Genesys at its one base URL /sandbox/genesys (the usage jobs' too) with its client-credentials token: users
 *       merged from users, licences and custom attribute records, queues and external trunks from the published
 *       lists with their attributes from the mapping, the billable usage report polled from InProgress to Complete
 *       with the simulated sleeper, the current-state extraction recorded with the instant it was read and flagged
 *       when that is long after the end of the cycle;</li>
 *   <li>CXone with its issuer, tenant id and access key only (no base-url, no token-url): the password-grant token
 *       and the API host its discovery answers (/sandbox/cxone-published), where the users are the published
 *       agents (current state, recorded and flagged like Genesys's) and the rest of the organisation is read in the
 *       document's shape as of the snapshot.</li>
 * </ul>
 *
 * <p>An IT, run by failsafe: its tenant settings make a Spring context of their own, on the fixed ports every
 * {@link HubIntegrationTest} uses, so it must not run in the JVM where surefire keeps the shared context.
 */
class ChargebackPublishedIT extends HubIntegrationTest {

    private static final Pattern MISMATCH = Pattern.compile("the vendor bills (\\d+) (CX_\\d) licences; the snapshot"
            + " has (\\d+) active users holding one");

    @DynamicPropertySource
    static void publishedTenants(DynamicPropertyRegistry registry) {
        // a list is replaced whole by the source that sets it: each tenant is given in full
        registry.add("hub.telephony.tenants[0].id", () -> "acme-contact");
        registry.add("hub.telephony.tenants[0].vendor", () -> "genesys");
        registry.add("hub.telephony.tenants[0].connector", () -> "PUBLISHED");
        registry.add("hub.telephony.tenants[0].base-url", () -> "http://localhost:" + HTTP_PORT + "/sandbox/genesys");
        registry.add("hub.telephony.tenants[0].token-url",
                () -> "http://localhost:" + HTTP_PORT + "/sandbox/genesys/oauth/token");
        registry.add("hub.telephony.tenants[0].client-id", () -> "sandbox-client");
        registry.add("hub.telephony.tenants[0].client-secret", () -> "sandbox-secret");
        registry.add("hub.telephony.tenants[0].requests-per-second", () -> 10);
        Map.of("id", "acme-contact", "connector", "PUBLISHED",
                "issuer", "http://localhost:" + HTTP_PORT + "/sandbox/cxone-published",
                "cxone-tenant-id", "11ee8b5a-0000-4000-8000-0000acme0001", "access-key-id", "cxone-sandbox-access-key",
                "access-key-secret", "cxone-sandbox-access-secret", "client-id", "cxone-sandbox-client",
                "client-secret", "cxone-sandbox-secret", "reporting-time-zone", "America/New_York", "currency", "USD")
                .forEach((name, value) -> registry.add("hub.cxone.tenants[0]." + name, () -> value));
        registry.add("hub.cxone.tenants[0].requests-per-second", () -> 10);
    }

    @Test
    void publishedTenantsAreExtractedAtTheirOwnHostsAllocatedAndCurrentStateFlaggedWhenReadLate() throws Exception {
        // an hour after the end of the cycle: within the 72 h grace
        ((SettableClock) clock).set(Instant.parse("2026-11-01T01:00:00Z"));
        String runId = runOctober("chargeback", "chargeback-period", false);
        assertThat(json.readTree(get("/api/runs/" + runId).body()).path("status").asText()).isEqualTo("SUCCEEDED");
        Map<String, Object> genesys = jdbc.queryForMap("""
                select status, state_observed_at, records_in, accepted, rejected, counts::text as counts
                from org_extraction where run_id = ? and vendor = 'genesys'""", runId);
        assertThat(genesys.get("status")).isEqualTo("COMPLETE");
        assertThat(genesys.get("state_observed_at").toString()).startsWith("2026-11-01 01:00:00");
        JsonNode counts = json.readTree((String) genesys.get("counts"));
        // 119 users exist at the end of October; billable usage: CX_1, CX_2, CX_3 and the WEM add-on
        assertThat(counts.path("USERS").asLong()).isEqualTo(119);
        assertThat(counts.path("BILLABLE_USAGE").asLong()).isEqualTo(4);
        // one aggregate row per queue of the plan, each agreeing with the conversations it answered
        assertThat(counts.path("QUEUE_METRICS").asLong()).isEqualTo(10);
        // the published queue list and the external trunks only (the phone and edge trunks are not asked for)
        assertThat(List.of(counts.path("QUEUES").asLong(), counts.path("TRUNKS").asLong())).containsExactly(10L, 3L);
        assertThat(jdbc.queryForObject("select count(*) from exception_item where run_id = ?"
                + " and reason like 'QUEUE_METRICS_MISMATCH%'", Long.class, runId)).isZero();
        assertThat(genesys.get("rejected")).isEqualTo(0L);
        assertThat(currentStateCases()).isEmpty();

        // CXone at its discovered host: the 59 published agents, the current state (recorded when it was read: the
        // plan changes no user after the snapshot, so it is the snapshot's but for the suspended and the deleted
        // user, both inactive, neither charged either way), and as of the snapshot 4 skills, 1 trunk and
        // 22 weekdays x 40 + 9 weekend days x 6 = 934 contacts, nothing rejected
        Map<String, Object> cxone = jdbc.queryForMap("""
                select status, state_observed_at, rejected, counts::text as counts
                from org_extraction where run_id = ? and vendor = 'cxone'""", runId);
        assertThat(cxone.get("status")).isEqualTo("COMPLETE");
        // read after Genesys's, once the simulated backoffs have moved the clock on: still within the grace
        assertThat(cxone.get("state_observed_at").toString()).startsWith("2026-11-01 01:");
        assertThat(cxone.get("rejected")).isEqualTo(0L);
        JsonNode cxoneCounts = json.readTree((String) cxone.get("counts"));
        assertThat(List.of(cxoneCounts.path("USERS").asLong(), cxoneCounts.path("QUEUES").asLong(),
                cxoneCounts.path("TRUNKS").asLong(), cxoneCounts.path("CONVERSATIONS").asLong()))
                .containsExactly(59L, 4L, 1L, 934L);

        // the vendor bills the seats of the 3 suspended users (one each in RET-0452, FIN-0001 us-east, SUP-0200),
        // which are not active: over all licence types, billed - active = 3, each type billing at least its active
        List<String> mismatches = jdbc.queryForList("select reason from exception_item where run_id = ?"
                + " and reason like 'LICENCE_QUANTITY_MISMATCH%'", String.class, runId);
        assertThat(mismatches).isNotEmpty();
        long excess = 0;
        for (String reason : mismatches) {
            Matcher m = MISMATCH.matcher(reason);
            assertThat(m.find()).as(reason).isTrue();
            long billed = Long.parseLong(m.group(1));
            long active = Long.parseLong(m.group(3));
            assertThat(billed).isGreaterThan(active);
            excess += billed - active;
        }
        assertThat(excess).isEqualTo(3);
        // both platform invoices, 8,102.76 (Genesys) + 3,631.51 (CXone), allocated to the cent; the CXone figures
        // are the document connector's: the same 56 active users (55 licensed seats) as at the snapshot
        JsonNode manifest = json.readTree(get("/api/chargeback/2026-10").body()).path("manifest");
        assertThat(manifest.path("platformSpend").decimalValue()).isEqualByComparingTo("11734.27");
        assertThat(manifest.path("totalCharged").decimalValue()).isEqualByComparingTo("11734.27");
        assertThat(manifest.path("conservationDifference").decimalValue()).isEqualByComparingTo("0.00");
        // read an hour after the snapshot, the published organisations hold what the snapshot held (the suspended
        // and deleted users, inactive here, are charged no seat either way; queues, trunks and sessions are equal):
        // the split is the document connectors' run of the same month (README, the demo: 10,906.25 + 828.02), and
        // every published licence and security profile maps to a priced licence type
        assertThat(manifest.path("totalAllocated").decimalValue()).isEqualByComparingTo("10906.25");
        assertThat(manifest.path("unallocated").decimalValue()).isEqualByComparingTo("828.02");
        assertThat(jdbc.queryForObject("select count(*) from exception_item where run_id = ?"
                + " and reason like 'UNKNOWN_LICENCE_TYPE%'", Long.class, runId)).isZero();
        // the queues' cost centres and the trunks' models come from mappings/genesys-resource-attributes.csv: every
        // queue has one (on HRIS or a ghost, none missing; the invoice beyond the rated minutes is the variance),
        // and EU SIP is HYBRID, which nothing else would make it
        assertThat(jdbc.queryForList("select distinct reason_code from chargeback_line where period = '2026-10'"
                + " and vendor = 'genesys' and category = 'ANALYTICS' order by 1", String.class))
                .containsExactly("GHOST_COST_CENTRE", "PLATFORM_VARIANCE", "STANDARD");
        assertThat(jdbc.queryForList("select distinct split_part(allocation_method, ':', 1) from chargeback_line"
                + " where period = '2026-10' and vendor = 'genesys' and category = 'TELEPHONY' order by 1",
                String.class)).containsExactly("CONCURRENCY_WEIGHTED", "HYBRID", "VOLUME");

        // nine days after the end of the cycle (2026-11-10T00:00Z): 216 h, past the grace, so flagged
        ((SettableClock) clock).set(NOW);
        String late = runOctober("chargeback", "chargeback-period", false);
        assertThat(json.readTree(get("/api/runs/" + late).body()).path("status").asText()).isEqualTo("SUCCEEDED");
        // CXone is read after Genesys, once the simulated backoffs have moved the clock on by a minute or so
        String after = " 216 h after the end of the cycle (grace 72 h): users, licences and attributes may differ from"
                + " their state at 2026-11-01T00:00:00Z";
        assertThat(currentStateCases()).hasSize(2).contains("the 2026-10 organisation of genesys acme-contact is read"
                + " from the current state at 2026-11-10T00:00:00Z," + after).anyMatch(reason -> reason.startsWith(
                "the 2026-10 organisation of cxone acme-contact is read from the current state at 2026-11-10T00:0")
                && reason.endsWith(after));
    }

    private List<String> currentStateCases() {
        return jdbc.queryForList("select reason from exception_item where type = 'CHARGEBACK_REFERENCE'"
                + " and reason like '%read from the current state%'", String.class);
    }
}
