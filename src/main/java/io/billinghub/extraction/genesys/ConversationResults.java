package io.billinghub.extraction.genesys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.exceptions.RejectedRecord;
import io.billinghub.extraction.JsonFields;
import io.billinghub.extraction.UsageLeg;
import io.billinghub.extraction.UsagePage;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of a conversation details job's results ({@code {conversations: [...], cursor}}, the cursor absent on
 * the last page), mapped to legs.
 *
 * @param conversations how many conversations the page held
 * @param cursor        where the next page starts; null on the last page
 */
public record ConversationResults(UsagePage page, int conversations, String cursor) {

    public static ConversationResults parse(ObjectMapper json, String body, ConversationLegMapper mapper,
                                            String tenantId, String jobId, int pageNumber) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("results page " + pageNumber + " of job " + jobId + " is not JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("results page " + pageNumber + " of job " + jobId + " is not an object");
        }
        JsonNode conversations = root.path("conversations");
        if (!conversations.isMissingNode() && !conversations.isArray()) {
            throw new IllegalStateException("results page " + pageNumber + " of job " + jobId
                    + " has conversations that are not an array");
        }
        String cursor;
        try {
            cursor = JsonFields.text(root, "cursor");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("results page " + pageNumber + " of job " + jobId + ": "
                    + e.getMessage());
        }
        List<UsageLeg> legs = new ArrayList<>();
        List<RejectedRecord> rejected = new ArrayList<>();
        int item = 0;
        for (JsonNode conversation : conversations) {
            item++;
            JsonNode id = conversation.path("conversationId");
            String position = "job " + jobId + " page " + pageNumber + " conversation " + item
                    + (id.isTextual() ? " (" + id.asText() + ")" : "");
            if (!conversation.isObject()) {
                rejected.add(new RejectedRecord(position, "a conversation must be an object", conversation.toString()));
                continue;
            }
            ConversationLegMapper.Mapped mapped = mapper.map(conversation, tenantId, position);
            legs.addAll(mapped.legs());
            rejected.addAll(mapped.rejected());
        }
        boolean more = cursor != null && !cursor.isEmpty();
        return new ConversationResults(new UsagePage(pageNumber, more ? pageNumber + 1 : pageNumber, legs, rejected),
                item, more ? cursor : null);
    }
}
