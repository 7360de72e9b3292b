package io.billinghub.allocation;

import io.billinghub.extraction.org.OrgRecord;
import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.extraction.org.OrgRecord.UserStatus;
import io.billinghub.referencedata.EffectivePeriod;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.HrisCostCentre;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.MultiplierVersion;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.Multipliers;
import io.billinghub.referencedata.chargeback.ChargebackReferenceData.TelephonyModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small October 2026 organisation whose chargeback is worked out by hand in {@link AllocationEngineTest}.
 *
 * <pre>
 * Multipliers 2026-Q4-v1 (from 1 Oct): CX_1 25.00, CX_2 50.00, CX_3 80.00 per seat; telephony 0.0120/min;
 * WFM 0.0009/scheduled min; analytics 0.0045/processed min; default trunk model CONCURRENCY_WEIGHTED.
 * 2026-Q3-v1 (Jul-Sep): CX_3 75.00, WFM 0.0008, otherwise the same.
 *
 * Users: u1 us-east/FIN-0001 CX_3; u2 eu-west/FIN-0001 CX_2 (same code, other division); r1..r5 us-east/RET-0452
 * CX_1, UTILIZATION_WEIGHTED; s1 us-east/SAL-0100 CX_3; s2 SAL-0100 CX_3 SUSPENDED (billed by the vendor, not
 * charged); m1 us-east/MKT-0300 CX_2 (closed in HRIS on 31 Aug: a ghost); svc1 a service account without a cost
 * centre (IT-OVERHEAD); d1 DELETED.
 * Queues qF FIN-0001, qR RET-0452, qS SAL-0100, qM MKT-0300 (all us-east). Trunks tV VOLUME, tC (no attribute:
 * registry default CONCURRENCY_WEIGHTED), tH HYBRID.
 *
 * Invoice INV-1: LICENCE 465.00 (385.00 active seats + 80.00 for suspended s2); TELEPHONY tV USAGE 2.30, tC CAPACITY
 * 100.00, tH CAPACITY 30.00, tH USAGE 0.72; WFM 1.57; ANALYTICS 0.77; API_STORAGE 100.00. Total 700.36.
 * </pre>
 */
public final class ChargebackFixtures {

    public static final Pattern FORMAT = Pattern.compile("^[A-Z]{3}-[0-9]{4}$");

    public static ChargebackPolicy policy() {
        return new ChargebackPolicy(FORMAT, List.of("BU::COST_CENTER", "CostCenterID"), "IT-OVERHEAD", "IT",
                new BigDecimal("0.40"), new BigDecimal("1.00"), new BigDecimal("2"), new BigDecimal("0.5"));
    }

    public static ChargebackReferenceData reference() {
        LocalDate from = LocalDate.parse("2024-01-01");
        return new ChargebackReferenceData(List.of(
                new HrisCostCentre(2, "us-east", "FIN-0001", "FINANCE", "Finance US", new EffectivePeriod(from, null)),
                new HrisCostCentre(3, "eu-west", "FIN-0001", "FINANCE", "Finance EU", new EffectivePeriod(from, null)),
                new HrisCostCentre(4, "us-east", "RET-0452", "RETAIL", "Retail US", new EffectivePeriod(from, null)),
                new HrisCostCentre(5, "us-east", "SAL-0100", "SALES", "Sales US", new EffectivePeriod(from, null)),
                new HrisCostCentre(6, "us-east", "MKT-0300", "MARKETING", "Marketing",
                        new EffectivePeriod(from, LocalDate.parse("2026-08-31")))),
                List.of(q3(), q4()), List.of());
    }

    public static MultiplierVersion q3() {
        return new MultiplierVersion("2026-Q3-v1", LocalDate.parse("2026-07-01"), LocalDate.parse("2026-10-01"),
                "FIN-ADMIN-002", "sha256:q3", new Multipliers(Map.of("CX_1", new BigDecimal("25.00"), "CX_2",
                new BigDecimal("50.00"), "CX_3", new BigDecimal("75.00")), new BigDecimal("0.0120"),
                new BigDecimal("0.0008"), new BigDecimal("0.0045"), TelephonyModel.CONCURRENCY_WEIGHTED));
    }

    public static MultiplierVersion q4() {
        return new MultiplierVersion("2026-Q4-v1", LocalDate.parse("2026-10-01"), null, "FIN-ADMIN-007",
                "sha256:q4", new Multipliers(Map.of("CX_1", new BigDecimal("25.00"), "CX_2",
                new BigDecimal("50.00"), "CX_3", new BigDecimal("80.00")), new BigDecimal("0.0120"),
                new BigDecimal("0.0009"), new BigDecimal("0.0045"), TelephonyModel.CONCURRENCY_WEIGHTED));
    }

    public static TenantSnapshot tenant() {
        List<OrgRecord> r = new ArrayList<>();
        r.add(user("u1", UserStatus.ACTIVE, "CX_3", "us-east", AccountType.AGENT, Map.of("CostCenterID", "FIN-0001")));
        r.add(user("u2", UserStatus.ACTIVE, "CX_2", "eu-west", AccountType.AGENT,
                Map.of("BU::COST_CENTER", "FIN-0001", "BU::OWNER", "FINANCE")));
        for (int i = 1; i <= 5; i++) {
            r.add(user("r" + i, UserStatus.ACTIVE, "CX_1", "us-east", AccountType.AGENT,
                    Map.of("BU::COST_CENTER", "RET-0452", "BU::ALLOCATION_MODEL", "UTILIZATION_WEIGHTED")));
        }
        r.add(user("s1", UserStatus.ACTIVE, "CX_3", "us-east", AccountType.AGENT, Map.of("CostCenterID", "SAL-0100")));
        r.add(user("s2", UserStatus.SUSPENDED, "CX_3", "us-east", AccountType.AGENT,
                Map.of("CostCenterID", "SAL-0100")));
        r.add(user("m1", UserStatus.ACTIVE, "CX_2", "us-east", AccountType.AGENT, Map.of("CostCenterID", "MKT-0300")));
        r.add(user("svc1", UserStatus.ACTIVE, null, "us-east", AccountType.SERVICE, Map.of()));
        r.add(user("d1", UserStatus.DELETED, "CX_3", "us-east", AccountType.AGENT, Map.of("CostCenterID", "FIN-0001")));
        r.add(queue("qF", "FIN-0001"));
        r.add(queue("qR", "RET-0452"));
        r.add(queue("qS", "SAL-0100"));
        r.add(queue("qM", "MKT-0300"));
        r.add(new OrgRecord.Trunk("tV", "Volume trunk", Map.of("BU::ALLOCATION_MODEL", "VOLUME")));
        r.add(new OrgRecord.Trunk("tC", "Shared trunk", Map.of()));
        r.add(new OrgRecord.Trunk("tH", "Hybrid trunk", Map.of("BU::ALLOCATION_MODEL", "HYBRID")));
        // tV: FIN 10 min, RET 5 min, c3 overflows from qF to qS: 8 channel minutes stay with FIN, 10 handle minutes
        r.add(call("c1", "tV", "qF", "qF", "2026-10-02T10:00:00Z", 540, 60, 30));
        r.add(call("c2", "tV", "qR", "qR", "2026-10-02T10:05:00Z", 300, 0, 0));
        r.add(call("c3", "tV", "qF", "qS", "2026-10-03T11:00:00Z", 420, 60, 120));
        // tC: FIN peak 2 (9:00-9:10 and 9:05-9:15), SAL peak 1, the ghost MKT-0300 peak 1
        r.add(call("c4", "tC", "qF", "qF", "2026-10-04T09:00:00Z", 600, 0, 0));
        r.add(call("c5", "tC", "qF", "qF", "2026-10-04T09:05:00Z", 600, 0, 0));
        r.add(call("c6", "tC", "qS", "qS", "2026-10-04T09:00:00Z", 1200, 0, 0));
        r.add(call("c7", "tC", "qM", "qM", "2026-10-04T14:00:00Z", 60, 0, 0));
        // tH: RET peak 2 and 40 minutes, SAL peak 1 and 20 minutes
        r.add(call("c8", "tH", "qR", "qR", "2026-10-06T10:00:00Z", 1800, 0, 0));
        r.add(call("c9", "tH", "qR", "qR", "2026-10-06T10:10:00Z", 600, 0, 0));
        r.add(call("c10", "tH", "qS", "qS", "2026-10-06T10:15:00Z", 1200, 0, 0));
        // a call of November is not October's
        r.add(call("c11", "tV", "qR", "qR", "2026-11-01T00:00:00Z", 6000, 0, 0));
        r.add(shift("w1", "u1", "America/New_York", "2026-10-05T08:00", "2026-10-05T16:00", 480));
        // across the end of British Summer Time (25 Oct 02:00 BST -> 01:00 GMT): 8 h on the wall clock, 540 min in
        // UTC; 528 available is 2.22 % short of 540, over the 2 % threshold
        r.add(shift("w2", "u2", "Europe/London", "2026-10-24T22:00", "2026-10-25T06:00", 528));
        // 31 Oct 22:00 New York (EDT) is 1 Nov 02:00 UTC: November's, not October's
        r.add(shift("w3", "s1", "America/New_York", "2026-10-31T22:00", "2026-11-01T06:00", 480));
        r.add(shift("w4", "s1", "America/New_York", "2026-10-06T09:00", "2026-10-06T17:00", 480));
        r.add(shift("w5", "r1", "America/New_York", "2026-10-06T09:00", "2026-10-06T13:00", 240));
        r.add(new OrgRecord.AnalyticsUsage("a1", "qF", "2026-10-10", new BigDecimal("100.0")));
        r.add(new OrgRecord.AnalyticsUsage("a2", "qM", "2026-10-11", new BigDecimal("20.0")));
        r.add(new OrgRecord.AnalyticsUsage("a3", "qR", "2026-10-31", new BigDecimal("50.5")));
        r.add(new OrgRecord.AnalyticsUsage("a4", "qR", "2026-11-01", new BigDecimal("10.0")));
        // RET holds 5 licences but never more than one session at a time: utilisation 0.2, below the 0.4 floor
        r.add(session("x1", "r1", "2026-10-05T09:00:00Z", "2026-10-05T17:00:00Z"));
        r.add(session("x2", "r2", "2026-10-06T09:00:00Z", "2026-10-06T17:00:00Z"));
        r.add(session("x3", "r3", "2026-10-07T09:00:00Z", "2026-10-07T12:00:00Z"));
        r.add(charge("L1", "LICENCE", null, null, "465.00"));
        r.add(charge("T1", "TELEPHONY", "tV", "USAGE", "2.30"));
        r.add(charge("T2", "TELEPHONY", "tC", "CAPACITY", "100.00"));
        r.add(charge("T3", "TELEPHONY", "tH", "CAPACITY", "30.00"));
        r.add(charge("T4", "TELEPHONY", "tH", "USAGE", "0.72"));
        r.add(charge("W1", "WFM", null, null, "1.57"));
        r.add(charge("A1", "ANALYTICS", null, null, "0.77"));
        r.add(charge("S1", "API_STORAGE", null, null, "100.00"));
        return TenantSnapshot.of("genesys", "acme", r);
    }

    public static OrgRecord.User user(String id, UserStatus status, String licence, String division, AccountType type,
                               Map<String, String> attributes) {
        return new OrgRecord.User(id, "User " + id, status, licence, division, type, attributes);
    }

    public static OrgRecord.Queue queue(String id, String costCentre) {
        return new OrgRecord.Queue(id, "Queue " + id, "us-east", Map.of("BU::COST_CENTER", costCentre));
    }

    public static OrgRecord.Conversation call(String id, String trunk, String initial, String handling, String start,
                                       long talk, long hold, long wrap) {
        return new OrgRecord.Conversation(id, trunk, initial, handling, "rule-1", Instant.parse(start), talk, hold,
                wrap);
    }

    public static OrgRecord.WfmShift shift(String id, String user, String zone, String from, String to,
                                           long available) {
        return new OrgRecord.WfmShift(id, user, zone, LocalDateTime.parse(from), LocalDateTime.parse(to), available);
    }

    public static OrgRecord.Session session(String id, String user, String from, String to) {
        return new OrgRecord.Session(id, user, Instant.parse(from), Instant.parse(to));
    }

    public static OrgRecord.PlatformCharge charge(String id, String category, String trunk, String type,
                                                  String amount) {
        return new OrgRecord.PlatformCharge(id, "INV-1", category, trunk, type, category + " " + id,
                new BigDecimal(amount), "USD");
    }

    private ChargebackFixtures() {
    }
}
