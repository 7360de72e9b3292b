package io.billinghub.sandbox.org;

import io.billinghub.extraction.org.OrgRecord.AccountType;
import io.billinghub.sandbox.Weighted;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The shape of a generated tenant: divisions, user pools, queues, trunks and call volumes. The random generator
 * fills in names, licence types, times and durations; everything else is fixed here so the edge cases are always
 * there.
 *
 * @param costCentreKeys   the attribute names the tenant's admins used for the cost centre, by weight
 * @param dailyCalls       conversations per UTC weekday; a weekend day has a sixth of them
 * @param deletedFrom      index of the pool a user was deleted from before the period (-1: none)
 * @param createdAfterIn   index of the pool a user joins after the snapshot (-1: none)
 * @param change           the user whose licence type and cost centre change after the snapshot, or null
 * @param burst            a calling campaign that sets one trunk's peak, or null
 */
public record TenantPlan(String vendor, String invoicePrefix, IdStyle ids, List<Division> divisions,
                         List<Weighted<String>> costCentreKeys, List<Pool> pools, List<QueuePlan> queues,
                         List<TrunkPlan> trunks, int dailyCalls, BigDecimal apiStorageFee, int deletedFrom,
                         int createdAfterIn, Change change, Burst burst) {

    /** Genesys ids are UUIDs; CXone's are numbers. */
    public enum IdStyle { UUID, NUMERIC }

    /** How a pool's agents are scheduled. */
    public enum Rota {
        /** No shifts (service and integration accounts). */
        NONE,
        /** Every weekday. */
        WEEKDAYS,
        /** One weekday in four, staggered, so few seats are used at once. */
        EVERY_FOURTH_WEEKDAY
    }

    /**
     * @param nightStart when night shifts start, local
     * @param openUtc    first UTC hour calls arrive
     * @param closeUtc   UTC hour after the last calls arrive
     */
    public record Division(String id, String name, ZoneId zone, LocalTime nightStart, int openUtc, int closeUtc) {
    }

    /**
     * Users sharing a division, owner, cost centre and licence model. The first {@code nightAgents} work every
     * night; the last {@code suspended} are suspended and the {@code inactive} before them inactive.
     *
     * @param costCentre      the attribute's value, or null for none
     * @param allocationModel BU::ALLOCATION_MODEL of every user of the cost centre, or null for none
     * @param licences        licence types by weight; empty for unlicensed accounts
     */
    public record Pool(String division, String owner, String costCentre, String allocationModel,
                       AccountType accountType, int size, List<Weighted<String>> licences, Rota rota,
                       int nightAgents, int inactive, int suspended) {
    }

    public record QueuePlan(String name, String division, String owner, String costCentre, int weight) {
    }

    /** A trunk carrying the calls of some divisions, weighted against the other trunks of a division. */
    public record TrunkPlan(String name, String allocationModel, List<String> divisions, int weight) {
    }

    /** The later version of a pool's first active day agent whose licence type is not {@code licenceType}. */
    public record Change(int pool, String owner, String costCentre, String licenceType) {
    }

    /** {@code calls} extra calls into a queue over one trunk, starting within {@code minutes} of a UTC time. */
    public record Burst(int queue, int trunk, int dayOfMonth, LocalTime utcStart, int calls, int minutes) {
    }

    private static final String UTILIZATION_WEIGHTED = "UTILIZATION_WEIGHTED";
    private static final String FLAT_RATE = "FLAT_RATE";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    /**
     * The Genesys tenant: 120 users in us-east and eu-west. RET-0452 (us-east, UTILIZATION_WEIGHTED) has 40 seats
     * but works one weekday in four; MKT-0300 is closed in HRIS, OPS-9999 unknown to it; FIN-0001 is in both
     * divisions; one agent has no cost centre and one a malformed one ("fin_1"). A Sales Outbound campaign on
     * the 14th (36 calls from 15:00 UTC within 10 minutes) sets US Carrier B's peak.
     */
    public static TenantPlan genesys() {
        List<Weighted<String>> cx2 = List.of(new Weighted<>("CX_2", 1));
        return new TenantPlan("genesys", "PLT-GEN", IdStyle.UUID,
                List.of(new Division("us-east", "US East", NEW_YORK, LocalTime.of(18, 0), 12, 22),
                        new Division("eu-west", "EU West", LONDON, LocalTime.of(22, 0), 7, 17)),
                List.of(new Weighted<>("BU::COST_CENTER", 80), new Weighted<>("CostCenterID", 20)),
                List.of(new Pool("us-east", "RETAIL", "RET-0452", UTILIZATION_WEIGHTED, AccountType.AGENT, 40,
                                List.of(new Weighted<>("CX_1", 75), new Weighted<>("CX_2", 25)),
                                Rota.EVERY_FOURTH_WEEKDAY, 2, 1, 1),
                        new Pool("us-east", "SALES", "SAL-0100", FLAT_RATE, AccountType.AGENT, 18,
                                List.of(new Weighted<>("CX_2", 70), new Weighted<>("CX_3", 30)), Rota.WEEKDAYS,
                                0, 1, 0),
                        new Pool("us-east", "FINANCE", "FIN-0001", null, AccountType.AGENT, 10, cx2, Rota.WEEKDAYS,
                                0, 0, 1),
                        new Pool("us-east", "MARKETING", "MKT-0300", null, AccountType.AGENT, 5,
                                List.of(new Weighted<>("CX_1", 1)), Rota.WEEKDAYS, 0, 0, 0),
                        new Pool("us-east", "SUPPORT", "OPS-9999", null, AccountType.AGENT, 3, cx2, Rota.WEEKDAYS,
                                0, 0, 0),
                        new Pool("eu-west", "SUPPORT", "SUP-0200", null, AccountType.AGENT, 30,
                                List.of(new Weighted<>("CX_3", 60), new Weighted<>("CX_2", 40)), Rota.WEEKDAYS,
                                3, 1, 1),
                        new Pool("eu-west", "FINANCE", "FIN-0001", null, AccountType.AGENT, 8, cx2, Rota.WEEKDAYS,
                                0, 0, 0),
                        new Pool("us-east", "SALES", null, null, AccountType.AGENT, 1, cx2, Rota.WEEKDAYS, 0, 0, 0),
                        new Pool("eu-west", "FINANCE", "fin_1", null, AccountType.AGENT, 1, cx2, Rota.WEEKDAYS,
                                0, 0, 0),
                        new Pool("us-east", null, null, null, AccountType.SERVICE, 1,
                                List.of(new Weighted<>("CX_1", 1)), Rota.NONE, 0, 0, 0),
                        new Pool("us-east", null, null, null, AccountType.INTEGRATION, 1, List.of(), Rota.NONE,
                                0, 0, 0)),
                List.of(new QueuePlan("Retail Care", "us-east", "RETAIL", "RET-0452", 20),
                        new QueuePlan("Retail Returns", "us-east", "RETAIL", "RET-0452", 8),
                        new QueuePlan("Inside Sales", "us-east", "SALES", "SAL-0100", 12),
                        new QueuePlan("Sales Outbound", "us-east", "SALES", "SAL-0100", 8),
                        new QueuePlan("Finance US", "us-east", "FINANCE", "FIN-0001", 5),
                        new QueuePlan("Marketing Campaigns", "us-east", "MARKETING", "MKT-0300", 4),
                        new QueuePlan("Ops Escalations", "us-east", "SUPPORT", "OPS-9999", 3),
                        new QueuePlan("Support Tier 1", "eu-west", "SUPPORT", "SUP-0200", 25),
                        new QueuePlan("Support Tier 2", "eu-west", "SUPPORT", "SUP-0200", 10),
                        new QueuePlan("Finance EU", "eu-west", "FINANCE", "FIN-0001", 5)),
                List.of(new TrunkPlan("US Carrier A", "VOLUME", List.of("us-east"), 60),
                        new TrunkPlan("US Carrier B", "CONCURRENCY_WEIGHTED", List.of("us-east"), 40),
                        new TrunkPlan("EU SIP", "HYBRID", List.of("eu-west"), 1)),
                150, new BigDecimal("1250.00"), 1, 1, new Change(1, "FINANCE", "FIN-0001", "CX_3"),
                new Burst(3, 1, 14, LocalTime.of(15, 0), 36, 10));
    }

    /** The CXone tenant: 59 users in cxone-na (COL-0500 on FLAT_RATE, RET-0452 on the registry default). */
    public static TenantPlan cxone() {
        return new TenantPlan("cxone", "PLT-CXO", IdStyle.NUMERIC,
                List.of(new Division("cxone-na", "CXone North America", NEW_YORK, LocalTime.of(18, 0), 12, 22)),
                List.of(new Weighted<>("Cost Center Code", 1)),
                List.of(new Pool("cxone-na", "COLLECTIONS", "COL-0500", FLAT_RATE, AccountType.AGENT, 28,
                                List.of(new Weighted<>("CX_2", 80), new Weighted<>("CX_3", 20)), Rota.WEEKDAYS,
                                0, 0, 1),
                        new Pool("cxone-na", "RETAIL", "RET-0452", null, AccountType.AGENT, 28,
                                List.of(new Weighted<>("CX_1", 70), new Weighted<>("CX_2", 30)), Rota.WEEKDAYS,
                                0, 1, 0),
                        new Pool("cxone-na", null, null, null, AccountType.SERVICE, 1,
                                List.of(new Weighted<>("CX_1", 1)), Rota.NONE, 0, 0, 0),
                        new Pool("cxone-na", null, null, null, AccountType.INTEGRATION, 1, List.of(), Rota.NONE,
                                0, 0, 0)),
                List.of(new QueuePlan("Collections Early Stage", "cxone-na", "COLLECTIONS", "COL-0500", 30),
                        new QueuePlan("Collections Late Stage", "cxone-na", "COLLECTIONS", "COL-0500", 15),
                        new QueuePlan("Retail Care NA", "cxone-na", "RETAIL", "RET-0452", 35),
                        new QueuePlan("Retail Orders NA", "cxone-na", "RETAIL", "RET-0452", 20)),
                List.of(new TrunkPlan("CXone PSTN", null, List.of("cxone-na"), 1)),
                40, new BigDecimal("480.00"), 0, -1, null, null);
    }

    public Division division(String id) {
        return divisions.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no division " + id));
    }
}
