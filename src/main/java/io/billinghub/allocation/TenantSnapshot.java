package io.billinghub.allocation;

import io.billinghub.extraction.org.OrgRecord;
import java.util.List;

/**
 * One tenant's organisation as of the snapshot instant, with its platform invoice for the period and, when the
 * vendor reports them, the licence quantities it bills (Genesys Cloud's billable usage) and its per-queue
 * conversation aggregates (empty otherwise).
 */
public record TenantSnapshot(String vendor, String tenantId, List<OrgRecord.User> users,
                             List<OrgRecord.Queue> queues, List<OrgRecord.Trunk> trunks,
                             List<OrgRecord.Conversation> conversations, List<OrgRecord.WfmShift> shifts,
                             List<OrgRecord.AnalyticsUsage> analytics, List<OrgRecord.Session> sessions,
                             List<OrgRecord.PlatformCharge> charges, List<OrgRecord.LicenceUsage> licenceUsage,
                             List<OrgRecord.QueueMetrics> queueMetrics) {

    /** Sorts a mixed list of records into a snapshot. */
    public static TenantSnapshot of(String vendor, String tenantId, List<? extends OrgRecord> records) {
        return new TenantSnapshot(vendor, tenantId, of(records, OrgRecord.User.class),
                of(records, OrgRecord.Queue.class), of(records, OrgRecord.Trunk.class),
                of(records, OrgRecord.Conversation.class), of(records, OrgRecord.WfmShift.class),
                of(records, OrgRecord.AnalyticsUsage.class), of(records, OrgRecord.Session.class),
                of(records, OrgRecord.PlatformCharge.class), of(records, OrgRecord.LicenceUsage.class),
                of(records, OrgRecord.QueueMetrics.class));
    }

    private static <T extends OrgRecord> List<T> of(List<? extends OrgRecord> records, Class<T> type) {
        return records.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The invoice the tenant's lines belong to (the first invoice id of its charges). */
    public String invoiceId() {
        return charges.isEmpty() ? "none" : charges.get(0).invoiceId();
    }
}
