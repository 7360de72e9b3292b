package io.billinghub.sandbox;

import static io.billinghub.sandbox.SandboxTestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.billinghub.platform.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(controllers = ErpSandboxController.class, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.dataset=classpath:sandbox/usage-small.json",
        "hub.embedded.sandbox.erp-token=test-erp-token",
        "hub.embedded.sandbox.erp-unavailable-first=1"})
@Import(SandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sink checks its own bearer token
@AutoConfigureMockMvc(addFilters = false)
class ErpSandboxControllerTest {

    private static final String CHARGES = "/sandbox/erp/charges";
    private static final String PAYLOAD =
            "{\"period\": \"2026-10\", \"lines\": [{\"glAccount\": \"6100-1000\", \"amount\": 12.3400}]}";

    @Autowired
    private MockMvc mvc;
    @Autowired
    private SettableClock clock;
    @Autowired
    private SandboxFaults faults;
    @Autowired
    private ErpLedger ledger;

    @BeforeEach
    void reset() {
        clock.set(T0);
        faults.reset();
        ledger.reset();
    }

    @Test
    void theFirstPostAfterAResetIsUnavailableAndTheRetrySucceeds() throws Exception {
        mvc.perform(charge("key-1", PAYLOAD))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.status").value(503));
        mvc.perform(charge("key-1", PAYLOAD))
                .andExpect(status().isCreated())
                .andExpect(content().json(
                        "{\"receiptId\": \"rcpt-000001\", \"idempotencyKey\": \"key-1\", \"duplicate\": false}", true));
    }

    @Test
    void aRepeatedKeyReturnsTheOriginalReceiptAndIsStoredOnce() throws Exception {
        mvc.perform(charge("key-1", PAYLOAD)).andExpect(status().isServiceUnavailable());
        mvc.perform(charge("key-1", PAYLOAD)).andExpect(status().isCreated());
        mvc.perform(charge("key-1", PAYLOAD))
                .andExpect(status().isOk())
                .andExpect(content().json(
                        "{\"receiptId\": \"rcpt-000001\", \"idempotencyKey\": \"key-1\", \"duplicate\": true}", true));
        mvc.perform(charge("key-2", "{\"period\": \"2026-11\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receiptId").value("rcpt-000002"));
        // The listing shows each key once, with the payload as JSON exactly as posted.
        String listing = mvc.perform(get(CHARGES))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(content().json("""
                        [{"receiptId": "rcpt-000001", "idempotencyKey": "key-1", "receivedAt": "2026-10-02T06:00:00Z",
                          "payload": {"period": "2026-10", "lines": [{"glAccount": "6100-1000", "amount": 12.3400}]}},
                         {"receiptId": "rcpt-000002", "idempotencyKey": "key-2", "receivedAt": "2026-10-02T06:00:00Z",
                          "payload": {"period": "2026-11"}}]
                        """, true))
                .andReturn().getResponse().getContentAsString();
        assertThat(listing).contains(PAYLOAD);
        assertThat(ledger.charges().get(0).payload()).isEqualTo(PAYLOAD);
    }

    @Test
    void refusesAWrongOrMissingToken() throws Exception {
        mvc.perform(charge("key-1", PAYLOAD)).andExpect(status().isServiceUnavailable());
        mvc.perform(post(CHARGES).header(HttpHeaders.AUTHORIZATION, "Bearer wrong").header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content(PAYLOAD))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
        mvc.perform(post(CHARGES).header("Idempotency-Key", "key-1")
                        .contentType(MediaType.APPLICATION_JSON).content(PAYLOAD))
                .andExpect(status().isUnauthorized());
        mvc.perform(get(CHARGES)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void needsAnIdempotencyKeyAndAJsonBody() throws Exception {
        mvc.perform(charge("key-1", PAYLOAD)).andExpect(status().isServiceUnavailable());
        mvc.perform(post(CHARGES).header(HttpHeaders.AUTHORIZATION, "Bearer test-erp-token")
                        .contentType(MediaType.APPLICATION_JSON).content(PAYLOAD))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_idempotency_key"));
        mvc.perform(charge("key-1", "not json")).andExpect(status().isBadRequest());
        mvc.perform(charge("key-1", "")).andExpect(status().isBadRequest());
        mvc.perform(charge("key-1", "{\"a\": 1} and more")).andExpect(status().isBadRequest());
        mvc.perform(get(CHARGES)).andExpect(jsonPath("$", hasSize(0)));
    }

    private static MockHttpServletRequestBuilder charge(String key, String body) {
        return post(CHARGES)
                .header(HttpHeaders.AUTHORIZATION, "Bearer test-erp-token")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }
}
