package io.billinghub.sandbox.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tiny month priced by hand. */
class PlatformInvoiceBuilderTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final List<OrgRecord.Trunk> TRUNKS = List.of(
            new OrgRecord.Trunk("t1", "Trunk 1", Map.of()), new OrgRecord.Trunk("t2", "Trunk 2", Map.of()));

    @Test
    void pricesSeatsTrunksWfmAnalyticsAndTheFixedFee() {
        List<OrgRecord.User> users = List.of(
                user("u1", UserStatus.ACTIVE, "CX_1"),
                user("u2", UserStatus.SUSPENDED, "CX_1"),
                user("u3", UserStatus.INACTIVE, "CX_3"),
                user("u4", UserStatus.ACTIVE, "CX_3"),
                user("u5", UserStatus.DELETED, null),
                user("u6", UserStatus.ACTIVE, null));
        List<OrgRecord.Conversation> conversations = new ArrayList<>(List.of(
                call("c1", "t1", "2026-10-05T10:00:00Z", 61, 0),
                call("c2", "t1", "2026-10-05T10:00:30Z", 30, 30),
                // Starts as c1 ends: the channel is free again, so only c2 and c3 overlap.
                call("c3", "t1", "2026-10-05T10:01:01Z", 120, 0),
                call("c10", "t2", "2026-10-06T09:00:00Z", 59, 1)));
        for (int i = 0; i < 6; i++) {
            conversations.add(call("b" + i, "t1", "2026-10-07T11:00:%02dZ".formatted(i * 10), 300, 0));
        }
        List<OrgRecord.WfmShift> shifts = List.of(
                // 22:00 BST to 06:30 GMT: 8 h 30 on the wall clock, 9 h 30 (570 min) in fact.
                new OrgRecord.WfmShift("s1", "u1", "Europe/London", LocalDateTime.parse("2026-10-24T22:00"),
                        LocalDateTime.parse("2026-10-25T06:30"), 570),
                new OrgRecord.WfmShift("s2", "u4", "America/New_York", LocalDateTime.parse("2026-10-05T09:00"),
                        LocalDateTime.parse("2026-10-05T17:00"), 460));
        List<OrgRecord.AnalyticsUsage> analytics = List.of(
                new OrgRecord.AnalyticsUsage("a1", "q1", "2026-10-05", new BigDecimal("100.0")),
                new OrgRecord.AnalyticsUsage("a2", "q1", "2026-10-06", new BigDecimal("11.0")));

        PlatformInvoice invoice = new PlatformInvoiceBuilder("INV-1", OCTOBER, new BigDecimal("1250.00"))
                .build(users, TRUNKS, conversations, shifts, analytics);

        assertThat(invoice.invoiceId()).isEqualTo("INV-1");
        assertThat(invoice.currency()).isEqualTo("USD");
        assertThat(invoice.issuedAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(invoice.lines()).extracting(OrgRecord.PlatformCharge::lineId, OrgRecord.PlatformCharge::category,
                OrgRecord.PlatformCharge::trunkId, OrgRecord.PlatformCharge::chargeType,
                OrgRecord.PlatformCharge::description, line -> line.amount().toPlainString()).containsExactly(
                // Active and suspended seats: 2 x 25.00 and 1 x 80.00 (the inactive CX_3 is not billed).
                tuple("INV-1-001", "LICENCE", null, "CX_1",
                        "CX_1 seats: 2 at 25.00", "50.00"),
                tuple("INV-1-002", "LICENCE", null, "CX_3",
                        "CX_3 seats: 1 at 80.00", "80.00"),
                // Peak 6 (the six calls from 11:00) -> 10 channels x 12.00; 2 + 1 + 2 + 6 x 5 = 35 min x 0.0120.
                tuple("INV-1-003", "TELEPHONY", "t1", "CAPACITY",
                        "Trunk capacity: 10 channels at 12.00", "120.00"),
                tuple("INV-1-004", "TELEPHONY", "t1", "USAGE",
                        "Trunk usage: 35 minutes at 0.0120", "0.42"),
                // Peak 1 -> 5 channels; 59 + 1 s = 1 min x 0.0120 = 0.012 -> 0.01.
                tuple("INV-1-005", "TELEPHONY", "t2", "CAPACITY",
                        "Trunk capacity: 5 channels at 12.00", "60.00"),
                tuple("INV-1-006", "TELEPHONY", "t2", "USAGE",
                        "Trunk usage: 1 minutes at 0.0120", "0.01"),
                // 570 + 480 = 1050 scheduled minutes (not the available ones) x 0.0009 = 0.945 -> 0.95 HALF_UP.
                tuple("INV-1-007", "WFM", null, null,
                        "Scheduled minutes: 1050 at 0.0009", "0.95"),
                // 111.0 x 0.0045 = 0.4995 -> 0.50.
                tuple("INV-1-008", "ANALYTICS", null, null,
                        "Processed minutes: 111.0 at 0.0045", "0.50"),
                tuple("INV-1-009", "API_STORAGE", null, null,
                        "API and storage, fixed monthly fee", "1250.00"));
        assertThat(invoice.total()).isEqualByComparingTo("1561.88");
        assertThat(invoice.total("TELEPHONY")).isEqualByComparingTo("180.43");
        assertThat(invoice.lines()).allSatisfy(line -> {
            assertThat(line.invoiceId()).isEqualTo("INV-1");
            assertThat(line.currency()).isEqualTo("USD");
        });
    }

    @Test
    void aCallEndingAsAnotherStartsDoesNotOverlapIt() {
        assertThat(PlatformInvoiceBuilder.peakConcurrency(List.of(
                call("c1", "t1", "2026-10-05T10:00:00Z", 61, 0),
                call("c3", "t1", "2026-10-05T10:01:01Z", 120, 0)))).isEqualTo(1);
        assertThat(PlatformInvoiceBuilder.peakConcurrency(List.of(
                call("c1", "t1", "2026-10-05T10:00:00Z", 0, 0)))).isZero();
    }

    @Test
    void channelsAreThePeakRoundedUpToAMultipleOfFive() {
        assertThat(PlatformInvoiceBuilder.channels(0)).isZero();
        assertThat(PlatformInvoiceBuilder.channels(1)).isEqualTo(5);
        assertThat(PlatformInvoiceBuilder.channels(5)).isEqualTo(5);
        assertThat(PlatformInvoiceBuilder.channels(6)).isEqualTo(10);
    }

    @Test
    void aTrunkWithoutCallsCostsNothingAndAnUnknownLicenceTypeIsRefused() {
        PlatformInvoice quiet = new PlatformInvoiceBuilder("INV-2", OCTOBER, new BigDecimal("480.00"))
                .build(List.of(), TRUNKS.subList(0, 1), List.of(), List.of(), List.of());
        assertThat(quiet.lines()).extracting(line -> line.amount().toPlainString())
                .containsExactly("0.00", "0.00", "0.00", "0.00", "480.00");
        assertThatThrownBy(() -> new PlatformInvoiceBuilder("INV-3", OCTOBER, BigDecimal.ZERO)
                .build(List.of(user("u1", UserStatus.ACTIVE, "CX_9")), List.of(), List.of(), List.of(), List.of()))
                .hasMessage("no seat price for licence type CX_9");
    }

    private static OrgRecord.User user(String id, UserStatus status, String licence) {
        return new OrgRecord.User(id, id, status, licence, "us-east", AccountType.AGENT, Map.of());
    }

    private static OrgRecord.Conversation call(String id, String trunk, String start, long talk, long hold) {
        return new OrgRecord.Conversation(id, trunk, "q1", "q1", "rr", Instant.parse(start), talk, hold, 30);
    }
}
