package io.billinghub.erp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The charge batches sent (or being sent) to the ERP, with their exact payloads. */
@RestController
@RequestMapping("/api/erp/batches")
public class ErpController {

    private final ErpBatches batches;
    private final ObjectMapper json;

    public ErpController(ErpBatches batches, ObjectMapper json) {
        this.batches = batches;
        this.json = json;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String period) {
        return batches.batches(period);
    }

    @GetMapping("/{batchId}")
    public Map<String, Object> show(@PathVariable String batchId) throws JsonProcessingException {
        ErpBatches.Batch batch;
        try {
            batch = batches.batch(batchId);
        } catch (EmptyResultDataAccessException e) {
            throw new java.util.NoSuchElementException("no ERP batch " + batchId);
        }
        JsonNode payload = json.readTree(batch.payload());
        return Map.of("batchId", batch.batchId(), "status", batch.status(), "idempotencyKey",
                batch.idempotencyKey(), "payload", payload);
    }
}
