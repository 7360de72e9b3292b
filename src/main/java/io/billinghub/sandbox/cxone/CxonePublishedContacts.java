package io.billinghub.sandbox.cxone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The generated month's calls in the shape NICE publishes them: one completed phone contact per VOICE_CALL line
 * (credit-memo lines aside), with the IVR_MINUTES line just before an inbound call folded in as its
 * preQueueSeconds. The contact starts when the IVR does (or the call, without IVR); inQueueSeconds is the gap the
 * generator leaves between IVR and call (1..5 s); agentSeconds the call's seconds; totalDurationSeconds their sum.
 * Ids are stable for a month: contactId 500000001.. in usageDate order of the calls, agentId the digits of the
 * userId (usr_00042 -> 42), teamId from the cost centre and currency ({@link #teamId}). What NICE does not publish
 * is left out: amounts, taxes, credit memos, licences and recording storage.
 *
 * <p>A tenant's contact history also holds its digital contacts, which carry no telephony usage: after every
 * {@value #CHAT_EVERY}th call its agent takes a chat (mediaTypeId 3) 15 minutes after the call ended, after every
 * {@value #EMAIL_EVERY}th an e-mail (mediaTypeId 1) an hour after; contactId 600000001.. in the calls' order.
 */
public final class CxonePublishedContacts {

    static final long FIRST_CONTACT_ID = 500_000_001L;
    static final int PHONE = 4;
    static final int EMAIL = 1;
    static final int CHAT = 3;
    static final int CHAT_EVERY = 4;
    static final int EMAIL_EVERY = 5;
    private static final long FIRST_DIGITAL_ID = 600_000_001L;
    private static final int MAX_GAP = 5;

    private final List<CxonePublishedContact> contacts;

    public CxonePublishedContacts(CxoneMonth month) {
        this.contacts = build(month.lines());
    }

    /**
     * The contacts with startDate <= contactStartDate <= endDate, of one media type or (null) all, in
     * contactStartDate then contactId order.
     */
    public List<CxonePublishedContact> between(Instant startDate, Instant endDate, Integer mediaTypeId) {
        return contacts.stream().filter(c -> {
            Instant start = Instant.parse(c.contactStartDate());
            return !start.isBefore(startDate) && !start.isAfter(endDate)
                    && (mediaTypeId == null || mediaTypeId == c.mediaTypeId());
        }).toList();
    }

    public List<CxonePublishedContact> all() {
        return contacts;
    }

    /**
     * The sandbox's ACD team of a cost centre: 2001.. for the generator's cost centres in their own currency (in
     * {@link CxoneMonthGenerator#COST_CENTRES} order), 2101.. for any other cost centre and currency of a month read
     * from a file, in order of first appearance. mappings/cxone-team-cost-centres.csv maps them back.
     */
    static Map<String, Long> teams(List<CxoneReportLine> lines) {
        Map<String, Long> teams = new LinkedHashMap<>();
        long id = 2001;
        for (CxoneMonthGenerator.CostCentre centre : CxoneMonthGenerator.COST_CENTRES) {
            teams.put(centre.id() + "|" + centre.currency(), id++);
        }
        long other = 2101;
        for (CxoneReportLine line : lines) {
            String key = line.costCenterId() + "|" + line.currencyCode();
            if (!teams.containsKey(key)) {
                teams.put(key, other++);
            }
        }
        return teams;
    }

    private static List<CxonePublishedContact> build(List<CxoneReportLine> lines) {
        Map<String, Long> teams = teams(lines);
        List<CxoneReportLine> calls = lines.stream()
                .filter(l -> l.featureType() == CxoneFeatureType.VOICE_CALL && !l.isCredit())
                .sorted(Comparator.comparing(CxoneReportLine::usageDate).thenComparing(CxoneReportLine::lineId))
                .toList();
        Map<String, List<CxoneReportLine>> ivrs = new HashMap<>();
        lines.stream().filter(l -> l.featureType() == CxoneFeatureType.IVR_MINUTES && !l.isCredit())
                .forEach(l -> ivrs.computeIfAbsent(l.userId(), k -> new ArrayList<>()).add(l));
        Set<String> paired = new HashSet<>();
        List<CxonePublishedContact> result = new ArrayList<>();
        long contactId = FIRST_CONTACT_ID;
        long digitalId = FIRST_DIGITAL_ID;
        for (CxoneReportLine call : calls) {
            CxoneReportLine ivr = "INBOUND".equals(call.direction())
                    ? ivrBefore(call, ivrs.getOrDefault(call.userId(), List.of()), paired) : null;
            CxonePublishedContact phone = contact(contactId, call, ivr, teams);
            result.add(phone);
            long ordinal = contactId - FIRST_CONTACT_ID + 1;
            if (ordinal % CHAT_EVERY == 0) {
                result.add(digital(digitalId++, phone, CHAT, "Chat", 15 * 60, 240));
            }
            if (ordinal % EMAIL_EVERY == 0) {
                result.add(digital(digitalId++, phone, EMAIL, "Email", 60 * 60, 420));
            }
            contactId++;
        }
        result.sort(Comparator.comparing((CxonePublishedContact c) -> Instant.parse(c.contactStartDate()))
                .thenComparing(CxonePublishedContact::contactId));
        return List.copyOf(result);
    }

    private static CxoneReportLine ivrBefore(CxoneReportLine call, List<CxoneReportLine> ivrs, Set<String> paired) {
        for (CxoneReportLine ivr : ivrs) {
            long gap = call.usageDate().getEpochSecond() - ivr.usageDate().getEpochSecond() - ivr.durationSeconds();
            if (gap >= 1 && gap <= MAX_GAP && paired.add(ivr.lineId())) {
                return ivr;
            }
        }
        return null;
    }

    private static CxonePublishedContact contact(long contactId, CxoneReportLine call, CxoneReportLine ivr,
                                                 Map<String, Long> teams) {
        boolean outbound = "OUTBOUND".equals(call.direction());
        int ivrSeconds = ivr == null ? 0 : ivr.durationSeconds();
        int gap = ivr == null ? 0
                : (int) (call.usageDate().getEpochSecond() - ivr.usageDate().getEpochSecond() - ivrSeconds);
        Instant start = ivr == null ? call.usageDate() : ivr.usageDate();
        int total = ivrSeconds + gap + call.durationSeconds();
        String customer = String.format("+1555%07d", contactId % 10_000_000L);
        String[] name = call.userName() == null ? new String[] {"", ""} : call.userName().split("\\.", 2);
        long team = teams.get(call.costCenterId() + "|" + call.currencyCode());
        return new CxonePublishedContact(contactId, contactId, start.toString(),
                start.plusSeconds(total).toString(), PHONE, "Call", outbound,
                outbound ? call.phoneNumber() : customer, outbound ? customer : call.phoneNumber(),
                agentId(call.userId()), name[0], name.length > 1 ? name[1] : "", team, call.costCenterId(),
                team + 1000, (outbound ? "OB " : "IB ") + call.costCenterId(), ivrSeconds, gap,
                call.durationSeconds(), 0, total, false, false, false, false, true, call.lineId(),
                ivr == null ? null : ivr.lineId());
    }

    /** A digital contact the call's agent handled {@code after} seconds after the call ended. */
    private static CxonePublishedContact digital(long contactId, CxonePublishedContact call, int mediaTypeId,
                                                 String mediaTypeName, int after, int agentSeconds) {
        Instant start = Instant.parse(call.lastUpdateTime()).plusSeconds(after);
        int queued = 30;
        int total = queued + agentSeconds;
        return new CxonePublishedContact(contactId, contactId, start.toString(), start.plusSeconds(total).toString(),
                mediaTypeId, mediaTypeName, false, "customer" + contactId + "@example.com",
                mediaTypeName.toLowerCase(Locale.ROOT) + "@tenant.example.com", call.agentId(),
                call.firstName(), call.lastName(), call.teamId(), call.teamName(), call.skillId() + 100,
                mediaTypeName + " " + call.teamName(), 0, queued, agentSeconds, 0, total, false, false, false, false,
                true, null, null);
    }

    /** The digits of a userId (usr_00042 -> 42), or a stable number for one without digits. */
    static long agentId(String userId) {
        String digits = userId == null ? "" : userId.replaceAll("[^0-9]", "");
        return digits.isEmpty() || digits.length() > 12 ? Math.floorMod(String.valueOf(userId).hashCode(), 1_000_000)
                : Long.parseLong(digits);
    }
}
