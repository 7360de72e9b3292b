package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.cxone.CxoneTeamCostCentre;
import io.billinghub.referencedata.cxone.CxoneUsageRate;
import io.billinghub.referencedata.cxone.CxoneUsageRates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published connector's mapping and rating of hand-written completed contacts, America/New_York: VOICE_CALL
 * INBOUND USD 0.0950 per minute until 2026-10-31 and 0.1000 from 2026-11-01, OUTBOUND 0.1100, IVR_MINUTES INBOUND
 * 0.0200; team 2001 is cc_marketing in USD.
 */
class CxoneContactMapperTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final String PAGE_1 = "completed contacts page 1";
    private static final CxoneUsageRates RATES = new CxoneUsageRates(List.of(
            new CxoneUsageRate(2, "VOICE_CALL", "INBOUND", "USD", new BigDecimal("0.0950"),
                    new EffectivePeriod(JAN, LocalDate.of(2026, 10, 31))),
            new CxoneUsageRate(3, "VOICE_CALL", "INBOUND", "USD", new BigDecimal("0.1000"),
                    new EffectivePeriod(LocalDate.of(2026, 11, 1), null)),
            new CxoneUsageRate(4, "VOICE_CALL", "OUTBOUND", "USD", new BigDecimal("0.1100"),
                    new EffectivePeriod(JAN, null)),
            new CxoneUsageRate(5, "IVR_MINUTES", "INBOUND", "USD", new BigDecimal("0.0200"),
                    new EffectivePeriod(JAN, null))),
            List.of(new CxoneTeamCostCentre(2, "2001", "cc_marketing", "USD", new EffectivePeriod(JAN, null))));

    private final CxoneContactMapper mapper = new CxoneContactMapper(new ObjectMapper(),
            ZoneId.of("America/New_York"), RATES);

    private static String contact(long id, String start, boolean outbound, int pre, int queue, int total,
                                  String team) {
        return """
                {"contactId": %d, "contactStartDate": "%s", "mediaTypeId": 4, "mediaTypeName": "Call",
                 "isOutbound": %s, "fromAddress": "+15550000001", "toAddress": "+12125550101", "agentId": 42,
                 "firstName": "agent", "lastName": "smith", "teamId": %s, "preQueueSeconds": %d,
                 "inQueueSeconds": %d, "agentSeconds": 0, "totalDurationSeconds": %d}"""
                .formatted(id, start, outbound, team, pre, queue, total);
    }

    private static String page(String next, String... contacts) {
        return "{\"totalRecords\": " + contacts.length + ", \"_links\": {\"self\": \"s\", \"next\": "
                + (next == null ? "null" : "\"" + next + "\"") + "}, \"completedContacts\": ["
                + String.join(",", contacts) + "]}";
    }

    @Test
    void anInboundContactGivesItsIvrTimeAndItsCallRatedPerMinute() {
        // 125 s IVR, 3 s in queue, 247 s with the agent (total 375)
        CxoneContactPage page = mapper.parse(page("https://next",
                contact(7001, "2026-10-15T14:00:00Z", false, 125, 3, 375, "2001")), "acme", "x1", PAGE_1);

        assertThat(page.rejected()).isEmpty();
        assertThat(page.contacts()).isEqualTo(1);
        assertThat(page.next()).isEqualTo("https://next");
        CxoneUsageLine ivr = page.lines().get(0);
        CxoneUsageLine call = page.lines().get(1);
        assertThat(ivr.lineId()).isEqualTo("contact-7001-ivr");
        assertThat(ivr.usageDate()).isEqualTo(Instant.parse("2026-10-15T14:00:00Z"));
        assertThat(ivr.featureType()).isEqualTo("IVR_MINUTES");
        assertThat(ivr.durationSeconds()).isEqualTo(125);
        // 125 x 0.0200 / 60 = 0.041666.. -> 0.0417
        assertThat(ivr.costAmount()).isEqualByComparingTo("0.0417");
        assertThat(call.lineId()).isEqualTo("contact-7001-call");
        // answered after 125 s IVR + 3 s queue
        assertThat(call.usageDate()).isEqualTo(Instant.parse("2026-10-15T14:02:08Z"));
        assertThat(call.durationSeconds()).isEqualTo(247);
        // 247 x 0.0950 / 60 = 23.465 / 60 = 0.391083.. -> 0.3911
        assertThat(call.costAmount()).isEqualByComparingTo("0.3911");
        for (CxoneUsageLine line : page.lines()) {
            assertThat(line.direction()).isEqualTo("INBOUND");
            assertThat(line.phoneNumber()).isEqualTo("+12125550101");
            assertThat(line.userId()).isEqualTo("42");
            assertThat(line.userName()).isEqualTo("agent smith");
            assertThat(line.costCenterId()).isEqualTo("cc_marketing");
            assertThat(line.currency()).isEqualTo("USD");
            assertThat(line.taxAmount()).isEqualByComparingTo("0");
            assertThat(line.taxRate()).isEqualByComparingTo("0");
            assertThat(line.creditMemoId()).isNull();
            assertThat(line.reportId()).isEqualTo("x1");
            assertThat(line.tenantId()).isEqualTo("acme");
        }
    }

    @Test
    void anOutboundContactIsOneCallFromTheTenantsNumber() {
        // an outbound contact has no IVR part, whatever preQueueSeconds says
        CxoneContactPage page = mapper.parse(page(null,
                contact(7002, "2026-10-20T16:30:00Z", true, 20, 0, 601, "2001")), "acme", "x1", PAGE_1);

        assertThat(page.next()).isNull();
        assertThat(page.lines()).singleElement().satisfies(call -> {
            assertThat(call.featureType()).isEqualTo("VOICE_CALL");
            assertThat(call.direction()).isEqualTo("OUTBOUND");
            assertThat(call.phoneNumber()).isEqualTo("+15550000001");
            assertThat(call.durationSeconds()).isEqualTo(601);
            // 601 x 0.1100 / 60 = 66.11 / 60 = 1.101833.. -> 1.1018
            assertThat(call.costAmount()).isEqualByComparingTo("1.1018");
        });
    }

    @Test
    void theRateIsTheOneInForceOnTheLinesLocalDay() {
        // 03:30Z on 1 November is 23:30 EDT on 31 October: October's 0.0950; 04:00Z is midnight EDT of 1 November:
        // 0.1000. The third contact's IVR starts at 03:59Z (31 October, IVR 0.0200) and its call is answered at
        // 04:00Z (1 November, 0.1000).
        CxoneContactPage page = mapper.parse(page(null,
                contact(7003, "2026-11-01T03:30:00Z", false, 0, 0, 60, "2001"),
                contact(7004, "2026-11-01T04:00:00Z", false, 0, 0, 60, "2001"),
                contact(7005, "2026-11-01T03:59:00Z", false, 60, 0, 180, "2001")), "acme", "x1", PAGE_1);

        assertThat(page.lines()).extracting(CxoneUsageLine::lineId, l -> l.costAmount().toPlainString())
                .containsExactly(
                        tuple("contact-7003-call", "0.0950"),
                        tuple("contact-7004-call", "0.1000"),
                        // 60 x 0.0200 / 60
                        tuple("contact-7005-ivr", "0.0200"),
                        // 120 x 0.1000 / 60
                        tuple("contact-7005-call", "0.2000"));
    }

    @Test
    void aContactThatCannotBeMappedIsRejectedWithItsPositionAndJson() {
        String noAgent = contact(7006, "2026-10-15T14:00:00Z", false, 0, 0, 60, "2001").replace("\"agentId\": 42,",
                "");
        String noMediaType = contact(7007, "2026-10-15T14:00:00Z", false, 0, 0, 60, "2001")
                .replace("\"mediaTypeId\": 4,", "");
        String unmappedTeam = contact(7008, "2026-10-15T14:00:00Z", false, 0, 0, 60, "9999");
        String shortTotal = contact(7009, "2026-10-15T14:00:00Z", false, 50, 20, 60, "2001");
        String good = contact(7010, "2026-10-15T14:00:00Z", false, 0, 0, 60, "2001");

        CxoneContactPage page = mapper.parse(page(null, noAgent, noMediaType, unmappedTeam, shortTotal, good),
                "acme", "x1", "completed contacts page 3");

        assertThat(page.contacts()).isEqualTo(5);
        assertThat(page.lines()).extracting(CxoneUsageLine::lineId).containsExactly("contact-7010-call");
        assertThat(page.rejected()).extracting(RejectedRecord::position, RejectedRecord::reason).containsExactly(
                tuple("completed contacts page 3 contact 1", "agentId is missing"),
                tuple("completed contacts page 3 contact 2", "mediaTypeId is missing"),
                tuple("completed contacts page 3 contact 3", "team 9999 has no cost"
                        + " centre on 2026-10-15 in cxone-team-cost-centres.csv"),
                tuple("completed contacts page 3 contact 4", "totalDurationSeconds 60"
                        + " is less than preQueueSeconds 50 + inQueueSeconds 20"));
        assertThat(page.rejected().get(0).raw()).contains("\"contactId\":7006").doesNotContain("agentId");
        assertThat(page.recordsIn()).isEqualTo(5);
        assertThat(page.notPhone()).isZero();
    }

    @Test
    void contactsOfOtherMediaTypesGiveNoLineAndNoCaseButAreCounted() {
        // a chat (3) and an e-mail (1) of the same agent and team: no telephony usage, nothing to rate or reject
        String chat = contact(7011, "2026-10-15T14:00:00Z", false, 0, 30, 270, "2001").replace("\"mediaTypeId\": 4",
                "\"mediaTypeId\": 3");
        String email = contact(7012, "2026-10-15T15:00:00Z", false, 0, 30, 450, "2001").replace("\"mediaTypeId\": 4",
                "\"mediaTypeId\": 1");
        String call = contact(7013, "2026-10-15T16:00:00Z", false, 0, 0, 60, "2001");

        CxoneContactPage page = mapper.parse(page(null, chat, email, call), "acme", "x1", "Data Extraction file");

        assertThat(page.contacts()).isEqualTo(3);
        assertThat(page.notPhone()).isEqualTo(2);
        assertThat(page.lines()).extracting(CxoneUsageLine::lineId).containsExactly("contact-7013-call");
        assertThat(page.rejected()).isEmpty();
        assertThat(page.recordsIn()).isEqualTo(1);
    }

    @Test
    void aPageWithoutTheContactsArrayFailsWhole() {
        assertThatThrownBy(() -> mapper.parse("{\"totalRecords\": 0}", "acme", "x1",
                "completed contacts page 2"))
                .hasMessage("completed contacts page 2 has no completedContacts array");
    }
}
