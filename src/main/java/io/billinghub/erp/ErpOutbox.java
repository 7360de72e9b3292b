package io.billinghub.erp;

import io.billinghub.platform.CsvText;
import io.billinghub.security.SafeFileNames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * For ERPs that ingest files: a batch as a CSV file named after its batch id, for the SFTP outbox. The file name is
 * the batch's identity, so writing it again (a replay) never creates a second file.
 */
@Component("erpOutbox")
public class ErpOutbox {

    private static final List<String> COLUMNS = List.of("batch_id", "period", "kind", "line_no", "gl_account",
            "cost_centre", "dimension_a", "dimension_b", "amount", "record_count", "description");

    private final ErpBatches batches;

    public ErpOutbox(ErpBatches batches) {
        this.batches = batches;
    }

    /** The body becomes the batch's CSV (the body is its batch id). */
    public void toFile(Exchange exchange) {
        String batchId = exchange.getIn().getBody(String.class);
        String fileName = SafeFileNames.require(batchId + ".csv");
        Map<String, Object> header = batches.header(batchId);
        String csv = CsvText.write(COLUMNS, batches.lines(batchId), line -> Arrays.asList(batchId,
                header.get("period"), header.get("kind"), line.get("line_no"), line.get("gl_account"),
                line.get("cost_centre"), line.get("dimension_a"), line.get("dimension_b"), line.get("amount"),
                line.get("record_count"), line.get("description")));
        // every header goes, Camel's too: a replayed message may carry a CamelOverruleFileName of its own
        exchange.getIn().removeHeaders("*");
        exchange.getIn().setHeader(Exchange.FILE_NAME, fileName);
        exchange.getIn().setBody(csv);
    }
}
