package io.billinghub.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One case per problem, and a problem finance accepted stays accepted while it is found again unchanged. */
class ExceptionQueueTest extends HubIntegrationTest {

    @Autowired
    private ExceptionQueue queue;

    private static NewException taxCase(String reason) {
        return NewException.of(ExceptionType.CXONE_TAX_MISMATCH, reason).pipeline("cxone-gl")
                .dedupeKey("cxone|acme-contact|2026-10|CXONE_TAX_MISMATCH|ln_c6").build();
    }

    @Test
    void anAcceptedProblemFoundAgainUnchangedIsNotReopened() throws Exception {
        String reason = "line ln_c6 taxAmount 0.35 differs from costAmount × taxRate = 4.00 × 0.08 = 0.32";
        long id = queue.raise(taxCase(reason));
        // found again while open: the same case
        assertThat(queue.raise(taxCase(reason))).isEqualTo(id);
        assertThat(post("/api/exceptions/" + id + "/resolve", "{\"resolution\":\"ACCEPTED\","
                + "\"note\":\"CXone confirmed the rate override\"}", TestUser.OPERATOR).statusCode()).isEqualTo(200);

        // the next run finds it again, unchanged: it stays accepted
        assertThat(queue.raise(taxCase(reason))).isEqualTo(id);
        assertThat(jdbc.queryForObject("select status from exception_item where id = ?", String.class, id))
                .isEqualTo("RESOLVED");

        // CXone changed the line: a new problem, a new open case
        long changed = queue.raise(taxCase("line ln_c6 taxAmount 0.40 differs from costAmount × taxRate = 4.00 ×"
                + " 0.08 = 0.32"));
        assertThat(changed).isNotEqualTo(id);
        assertThat(jdbc.queryForList("select status from exception_item order by id", String.class))
                .containsExactly("RESOLVED", "OPEN");
    }
}
