package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A completed contact as NICE's published Reporting API returns it ({@code contacts/completed}, the subset of
 * fields the hub reads plus the usual companions). The two ignored fields name the document-shaped lines the contact
 * was built from, for the equivalence tests.
 */
@JsonPropertyOrder({"contactId", "masterContactId", "contactStartDate", "lastUpdateTime", "mediaTypeId",
        "mediaTypeName", "isOutbound", "fromAddress", "toAddress", "agentId", "firstName", "lastName", "teamId",
        "teamName", "skillId", "skillName", "preQueueSeconds", "inQueueSeconds", "agentSeconds", "postQueueSeconds",
        "totalDurationSeconds", "abandoned", "isLogged", "isRefused", "isTakeover", "isWarehoused"})
public record CxonePublishedContact(
        long contactId,
        long masterContactId,
        String contactStartDate,
        String lastUpdateTime,
        int mediaTypeId,
        String mediaTypeName,
        boolean isOutbound,
        String fromAddress,
        String toAddress,
        long agentId,
        String firstName,
        String lastName,
        long teamId,
        String teamName,
        long skillId,
        String skillName,
        int preQueueSeconds,
        int inQueueSeconds,
        int agentSeconds,
        int postQueueSeconds,
        int totalDurationSeconds,
        boolean abandoned,
        boolean isLogged,
        boolean isRefused,
        boolean isTakeover,
        boolean isWarehoused,
        @JsonIgnore String callLineId,
        @JsonIgnore String ivrLineId) {
}
