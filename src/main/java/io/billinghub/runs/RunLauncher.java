package io.billinghub.runs;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.springframework.stereotype.Component;

/** Starts a run in the background: records it, then sends it into its route; the route finishes it. */
@Component
public class RunLauncher {

    private final RunRegistry runs;
    private final ProducerTemplate producer;
    private final CamelContext camel;

    public RunLauncher(RunRegistry runs, ProducerTemplate producer, CamelContext camel) {
        this.runs = runs;
        this.producer = producer;
        this.camel = camel;
    }

    /** Returns the new run's id; {@code resumedFrom} is the interrupted run it takes over, if any. */
    public String launch(RunLaunch launch, String trigger, String resumedFrom) {
        String runId = runs.start(launch, trigger, resumedFrom);
        Exchange exchange = new DefaultExchange(camel);
        launch.applyTo(exchange, runId, trigger);
        producer.asyncSend("direct:" + launch.route(), exchange);
        return runId;
    }
}
