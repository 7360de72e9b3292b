package io.billinghub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.extraction.cxone.CxoneProperties;
import io.billinghub.platform.HubExchange;
import io.billinghub.platform.SecretResolver;
import io.billinghub.platform.SqlTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * CXone's INVOICE_FINALIZED event: signed with HMAC-SHA256 over the raw body (header
 * {@code X-CXone-Signature: sha256=<hex>}, shared secret hub.cxone.webhook-secret). A verified event is recorded and
 * starts the period's final run (extract, transform, reconcile, post the journal).
 */
@RestController
@RequestMapping("/api/webhooks/cxone")
public class CxoneWebhookController {

    public static final String SIGNATURE_HEADER = "X-CXone-Signature";

    private final CxoneProperties properties;
    private final SecretResolver secrets;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final Clock clock;

    public CxoneWebhookController(CxoneProperties properties, SecretResolver secrets, NamedParameterJdbcTemplate jdbc,
                                  ObjectMapper json, ProducerTemplate producer, CamelContext camel, Clock clock) {
        this.properties = properties;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.json = json;
        this.producer = producer;
        this.camel = camel;
        this.clock = clock;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> event(@RequestBody byte[] body,
                                                     @RequestHeader(value = SIGNATURE_HEADER, required = false)
                                                     String signature) throws IOException {
        if (!validSignature(body, signature)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("status", 401, "error",
                    "Unauthorized", "message", "missing or invalid " + SIGNATURE_HEADER));
        }
        JsonNode event = json.readTree(body);
        String type = event.path("eventType").asText();
        String tenantId = event.path("tenantId").asText(properties.tenants().isEmpty() ? ""
                : properties.tenants().get(0).id());
        YearMonth period = YearMonth.parse(event.path("billingPeriod").asText());
        properties.tenant(tenantId);
        jdbc.update("""
                insert into cxone_invoice_event (tenant_id, event_type, invoice_id, period, received_at, payload)
                values (:tenant, :type, :invoice, :period, :now, :payload)""",
                new MapSqlParameterSource("tenant", tenantId).addValue("type", type)
                        .addValue("invoice", event.path("invoiceId").asText(null))
                        .addValue("period", period.toString()).addValue("now", SqlTime.utc(clock.instant()))
                        .addValue("payload", new String(body, StandardCharsets.UTF_8)));
        if ("INVOICE_FINALIZED".equals(type)) {
            DefaultExchange exchange = new DefaultExchange(camel);
            exchange.setProperty(HubExchange.PERIOD, period.toString());
            exchange.setProperty(HubExchange.TRIGGER, "WEBHOOK");
            exchange.setProperty(LedgerPipelineSteps.CLOSE, true);
            producer.asyncSend("direct:cxone-period", exchange);
        }
        return ResponseEntity.accepted().body(Map.of("eventType", type, "tenantId", tenantId, "billingPeriod",
                period.toString()));
    }

    private boolean validSignature(byte[] body, String header) {
        if (header == null || !header.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.resolve(properties.webhookSecret()).getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(header.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
