package io.billinghub.extraction.genesys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.billinghub.extraction.GenesysUsageAdapter;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.extraction.UsagePage;
import io.billinghub.rating.CallRater;
import io.billinghub.rating.CarrierProfile;
import io.billinghub.rating.RateCardIndex;
import io.billinghub.rating.RatedLeg;
import io.billinghub.rating.RatingReference;
import io.billinghub.rating.RatingStatus;
import io.billinghub.referencedata.EdgeCarrierIndex;
import io.billinghub.referencedata.TelephonyReferenceData;
import io.billinghub.referencedata.TelephonyReferenceParser;
import io.billinghub.referencedata.ValidationError;
import io.billinghub.sandbox.TelephonyDataset;
import io.billinghub.sandbox.genesyscloud.GenesysConversations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's generated month (October 2026, 120 calls a day, seed 20261001: simple, transferred, monitored,
 * whispered, internal, inbound, unanswered, busy and fallback calls, calls across midnight, 1 % on the unknown
 * carrier Lumen) read through both connectors' adapters, with the mapping files of mappings/: the document's legs
 * from one page of the usage API, the published legs from the sandbox's conversations of the same legs. Both give
 * the same canonical legs and the same ratings, but for what the published API cannot say (billing duration: the
 * published legs carry their connected seconds) and the Lumen legs, whose edge has no carrier mapping.
 */
class ConnectorEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LUMEN = "Lumen";

    @Test
    void bothConnectorsGiveTheSameLegsAndTheSameRatings() throws IOException {
        TelephonyDataset dataset = TelephonyDataset.generated(YearMonth.of(2026, 10), 120, 20261001L);
        TelephonyReferenceData reference = reference();

        List<UsageLeg> document = documentLegs(dataset);
        List<UsageLeg> published = publishedLegs(dataset, new EdgeCarrierIndex(reference.edgeCarriers()));

        // 31 days x 120 calls, some of them with two legs: every leg of the month, none rejected
        assertThat(document).hasSize(dataset.legs().size());
        assertThat(published).extracting(UsageLeg::legId).containsExactlyElementsOf(
                document.stream().map(UsageLeg::legId).toList());
        Map<String, UsageLeg> byId = published.stream().collect(Collectors.toMap(UsageLeg::legId, l -> l));
        int lumen = 0;
        for (UsageLeg expected : document) {
            UsageLeg leg = byId.get(expected.legId());
            boolean unmapped = LUMEN.equals(expected.carrierName());
            lumen += unmapped ? 1 : 0;
            // answered legs are connected from start to end; unanswered ones never connected
            int connected = "answered".equals(expected.callOutcome()) ? expected.durationSeconds() : 0;
            assertThat(leg).as(expected.legId()).isEqualTo(new UsageLeg(expected.legId(), expected.callId(),
                    expected.tenantId(), "genesys", expected.startTime(), expected.endTime(),
                    expected.durationSeconds(), connected, unmapped ? null : expected.carrierName(),
                    expected.destinationNumber(), expected.callType(), expected.direction(), expected.callOutcome(),
                    leg.rawPayload()));
        }
        assertThat(lumen).as("legs of the unknown carrier").isPositive();

        RatingReference rating = rating(reference);
        Map<String, RatedLeg> documentRated = rate(document, rating);
        Map<String, RatedLeg> publishedRated = rate(published, rating);
        int unrated = 0;
        for (RatedLeg expected : documentRated.values()) {
            RatedLeg rated = publishedRated.get(expected.legId());
            // the carrier's increment applied to the connected seconds bills what it bills on the document's
            // already rounded billing duration: the same billed seconds, cost and status. A leg the hub cannot
            // rate (no rate, unknown carrier) keeps its raw seconds as billed: the connected seconds here
            int billed = expected.status() == RatingStatus.UNRATED ? byId.get(expected.legId())
                    .billingDurationSeconds() : expected.billedSeconds();
            unrated += expected.status() == RatingStatus.UNRATED ? 1 : 0;
            assertThat(List.of(String.valueOf(rated.legClass()), String.valueOf(rated.legRole()),
                    String.valueOf(rated.status()), String.valueOf(rated.unratedReason()), rated.billedSeconds(),
                    String.valueOf(rated.cost()), String.valueOf(rated.destinationRegion())))
                    .as(expected.legId())
                    .containsExactly(String.valueOf(expected.legClass()), String.valueOf(expected.legRole()),
                            String.valueOf(expected.status()), String.valueOf(expected.unratedReason()),
                            billed, String.valueOf(expected.cost()),
                            String.valueOf(expected.destinationRegion()));
        }
        assertThat(unrated).as("unrated legs compared").isPositive();
    }

    private static List<UsageLeg> documentLegs(TelephonyDataset dataset) throws IOException {
        ObjectNode page = JSON.createObjectNode();
        page.putArray("entities").addAll(dataset.legs());
        page.put("pageNumber", 1);
        page.put("pageCount", 1);
        UsagePage parsed = new GenesysUsageAdapter(JSON).parse(JSON.writeValueAsString(page), "acme-contact", 1);
        assertThat(parsed.rejected()).isEmpty();
        return sorted(parsed.legs());
    }

    private static List<UsageLeg> publishedLegs(TelephonyDataset dataset, EdgeCarrierIndex edges)
            throws IOException {
        ObjectNode page = JSON.createObjectNode();
        page.putArray("conversations").addAll(new GenesysConversations(dataset)
                .find(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z")));
        ConversationResults results = ConversationResults.parse(JSON, JSON.writeValueAsString(page),
                new ConversationLegMapper(edges), "acme-contact", "job-1", 1);
        assertThat(results.page().rejected()).isEmpty();
        assertThat(results.cursor()).isNull();
        return sorted(results.page().legs());
    }

    private static List<UsageLeg> sorted(List<UsageLeg> legs) {
        List<UsageLeg> sorted = new ArrayList<>(legs);
        sorted.sort(Comparator.comparing(UsageLeg::legId));
        return sorted;
    }

    /** Rated as RatingService rates: legs grouped by call, in start order. */
    private static Map<String, RatedLeg> rate(List<UsageLeg> legs, RatingReference reference) {
        List<UsageLeg> ordered = new ArrayList<>(legs);
        ordered.sort(Comparator.comparing(UsageLeg::callId).thenComparing(UsageLeg::startTime)
                .thenComparing(UsageLeg::legId));
        return new CallRater().rate(ordered, reference).stream()
                .collect(Collectors.toMap(RatedLeg::legId, Function.identity()));
    }

    private static TelephonyReferenceData reference() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : TelephonyReferenceParser.FILES) {
            files.put(name, Files.readAllBytes(Path.of("mappings", name)));
        }
        List<ValidationError> errors = new ArrayList<>();
        TelephonyReferenceData data = new TelephonyReferenceParser("USD").parse(files, errors);
        assertThat(errors).isEmpty();
        return data;
    }

    private static RatingReference rating(TelephonyReferenceData data) {
        return new RatingReference(1, data.carriers().stream()
                .collect(Collectors.toMap(CarrierProfile::carrierName, Function.identity())),
                new RateCardIndex(data.rateCards()));
    }
}
