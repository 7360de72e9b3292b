package io.billinghub.sandbox;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A stand-in for the finance ERP's charge API: bearer-token auth, Idempotency-Key de-duplication, a 503 on the
 * first posts, answers lost after a post was stored (a test hook), and a listing so a demo user can read what the
 * hub posted.
 */
@RestController
@RequestMapping("/sandbox/erp/charges")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configuration.
@Import(SandboxConfiguration.class)
class ErpSandboxController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    record ErpError(int status, String error, String message) {
    }

    /** The payload is written verbatim (it was checked to be one JSON document), so amounts keep their digits. */
    record ChargeView(String receiptId, String idempotencyKey, Instant receivedAt, @JsonRawValue String payload) {
    }

    private final SandboxProperties properties;
    private final SandboxFaults faults;
    private final ErpLedger ledger;
    private final ObjectMapper objectMapper;

    ErpSandboxController(SandboxProperties properties, SandboxFaults faults, ErpLedger ledger,
                         ObjectMapper objectMapper) {
        this.properties = properties;
        this.faults = faults;
        this.ledger = ledger;
        this.objectMapper = objectMapper;
    }

    @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> post(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                @RequestBody(required = false) String body) {
        if (faults.nextErpPostUnavailable()) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The ERP is starting up; retry later");
        }
        String token = Bearer.token(authorization);
        if (!SandboxTokens.constantTimeEquals(properties.erpToken(), token)) {
            return error(HttpStatus.UNAUTHORIZED, "unauthorized", "Missing or wrong bearer token");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "missing_idempotency_key", "The Idempotency-Key header is required");
        }
        if (!isJson(body)) {
            return error(HttpStatus.BAD_REQUEST, "invalid_body", "The body must be a JSON document");
        }
        ErpLedger.Receipt receipt = ledger.record(idempotencyKey.trim(), body);
        if (faults.nextErpAnswerLost()) {
            // stored, but the gateway in front of the ERP gave up waiting: the hub cannot tell it was taken
            return error(HttpStatus.GATEWAY_TIMEOUT, "gateway_timeout", "The ERP did not answer in time");
        }
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<ChargeView> list() {
        return ledger.charges().stream()
                .map(charge -> new ChargeView(charge.receiptId(), charge.idempotencyKey(), charge.receivedAt(),
                        charge.payload()))
                .toList();
    }

    private boolean isJson(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            // Trailing text after the document would make the verbatim listing invalid JSON.
            objectMapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String error, String message) {
        return ResponseEntity.status(status).body(new ErpError(status.value(), error, message));
    }
}
