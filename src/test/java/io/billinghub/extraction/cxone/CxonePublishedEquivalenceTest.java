package io.billinghub.extraction.cxone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.referencedata.cxone.CxoneUsageRateParser;
import io.billinghub.referencedata.cxone.CxoneUsageRates;
import io.billinghub.sandbox.cxone.CxoneFeatureType;
import io.billinghub.sandbox.cxone.CxoneMonth;
import io.billinghub.sandbox.cxone.CxoneMonthGenerator;
import io.billinghub.sandbox.cxone.CxonePublishedContact;
import io.billinghub.sandbox.cxone.CxonePublishedContacts;
import io.billinghub.sandbox.cxone.CxoneReportLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The judge of the published connector: the default generated month (2026-10, America/New_York, 300 users, seed
 * 20261001) served both ways, the document-shaped report lines through {@link CxoneReportAdapter} and the published
 * completed contacts through {@link CxoneContactMapper} rated with the shipped mappings/ (cxone-usage-rates.csv,
 * cxone-team-cost-centres.csv). Every VOICE_CALL and IVR_MINUTES line of the document (credit memos aside) has its
 * published twin, equal in tenantId, usageDate, phoneNumber, featureType, direction, durationSeconds, costAmount,
 * currency, costCenterId, prorated, creditMemoId, correctsLineId, licenceType, serviceStart and serviceEnd.
 * The fields that cannot match, and why:
 * <ul>
 *   <li>lineId: NICE publishes contacts, not billing lines; the published line ids come from the contactId;</li>
 *   <li>reportId: the document's usage report id versus the hub's extraction id;</li>
 *   <li>userId: the published API knows the agent by its numeric ACD agentId (usr_00042 is agent 42);</li>
 *   <li>userName: firstName and lastName, not a login name ("agent.smith" is "agent smith");</li>
 *   <li>taxAmount, taxRate: the published API carries no tax (0), the document's lines do;</li>
 *   <li>rawPayload: a different JSON shape.</li>
 * </ul>
 */
class CxonePublishedEquivalenceTest {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    @Test
    void thePublishedConnectorGivesTheDocumentsCallAndIvrLinesFieldByField() throws IOException {
        CxoneMonth month = CxoneMonthGenerator.generateDefault();
        CxonePublishedContacts published = new CxonePublishedContacts(month);
        Map<String, CxoneUsageLine> document = byId(new CxoneReportAdapter(JSON).parse(
                JSON.writeValueAsString(Map.of("data", month.lines())), "acme", "rep-1", 1).lines(),
                CxoneUsageLine::lineId);
        CxoneContactPage page = new CxoneContactMapper(JSON, month.zone(), shippedRates()).parse(
                JSON.writeValueAsString(Map.of("completedContacts", published.all())), "acme", "ext-1",
                "completed contacts page 1");
        Map<String, CxoneUsageLine> mapped = byId(page.lines(), CxoneUsageLine::lineId);

        assertThat(page.rejected()).isEmpty();
        long documentCalls = month.lines().stream()
                .filter(l -> l.featureType() == CxoneFeatureType.VOICE_CALL && !l.isCredit()).count();
        long documentIvr = month.lines().stream()
                .filter(l -> l.featureType() == CxoneFeatureType.IVR_MINUTES && !l.isCredit()).count();
        List<CxonePublishedContact> calls = published.all().stream().filter(c -> c.mediaTypeId() == 4).toList();
        assertThat(calls).hasSize((int) documentCalls);
        assertThat(calls.stream().filter(c -> c.ivrLineId() != null).count()).isEqualTo(documentIvr);
        assertThat(page.lines()).hasSize((int) (documentCalls + documentIvr));
        // the chats and e-mails among them carry no usage: no line, no case, counted
        assertThat(page.notPhone()).isEqualTo(published.all().size() - calls.size()).isPositive();

        List<String> compared = new ArrayList<>();
        for (CxonePublishedContact contact : calls) {
            compare(document.get(contact.callLineId()), mapped.get("contact-" + contact.contactId() + "-call"));
            compared.add(contact.callLineId());
            if (contact.ivrLineId() != null) {
                compare(document.get(contact.ivrLineId()), mapped.get("contact-" + contact.contactId() + "-ivr"));
                compared.add(contact.ivrLineId());
            }
        }
        assertThat(compared).doesNotHaveDuplicates().hasSize((int) (documentCalls + documentIvr));
    }

    private static void compare(CxoneUsageLine doc, CxoneUsageLine pub) {
        assertThat(doc).as("document line").isNotNull();
        assertThat(pub).as("published twin of " + doc.lineId()).isNotNull();
        assertThat(pub).usingRecursiveComparison()
                .ignoringFields("lineId", "reportId", "userId", "userName", "taxAmount", "taxRate", "rawPayload",
                        "costAmount")
                .as(doc.lineId()).isEqualTo(doc);
        assertThat(pub.costAmount()).as(doc.lineId()).isEqualByComparingTo(doc.costAmount());
        // what differs is a different spelling of the same agent
        assertThat(pub.userId()).isEqualTo(String.valueOf(Long.parseLong(doc.userId().replaceAll("[^0-9]", ""))));
        assertThat(pub.userName()).isEqualTo(doc.userName().replace('.', ' '));
        assertThat(pub.taxAmount()).isEqualByComparingTo("0");
    }

    static CxoneUsageRates shippedRates() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : CxoneUsageRateParser.FILES) {
            files.put(name, Files.readAllBytes(Path.of("mappings", name)));
        }
        List<ValidationError> errors = new ArrayList<>();
        CxoneUsageRates rates = new CxoneUsageRateParser().parse(files, errors);
        assertThat(errors).isEmpty();
        return rates;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> result = new LinkedHashMap<>();
        items.forEach(item -> result.put(id.apply(item), item));
        return result;
    }

    /** The shipped month is not empty of what this test compares (so the comparison cannot pass vacuously). */
    @Test
    void theMonthHasInboundOutboundAndIvrCalls() {
        List<CxoneReportLine> lines = CxoneMonthGenerator.generateDefault().lines();
        assertThat(lines).anyMatch(l -> l.featureType() == CxoneFeatureType.IVR_MINUTES)
                .anyMatch(l -> "OUTBOUND".equals(l.direction()))
                .anyMatch(l -> "CAD".equals(l.currencyCode()) && l.featureType() == CxoneFeatureType.VOICE_CALL);
    }
}
