package io.billinghub.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.billinghub.support.HubIntegrationTest;
import io.billinghub.support.PrometheusScrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard of docker/ cannot drift from the code: every metric its PromQL uses is exposed on
 * /actuator/prometheus of the running hub once a carrier month and a CXone month have run (closed to the ERP), and
 * its panels use the datasource Grafana is provisioned with.
 */
class DashboardMetricsTest extends HubIntegrationTest {

    private static final Path DASHBOARD = Path.of("docker/grafana/dashboards/billing-hub.json");
    private static final Path DATASOURCE = Path.of("docker/grafana/provisioning/datasources/prometheus.yml");
    private static final Path PROMETHEUS = Path.of("docker/prometheus/prometheus.yml");
    /** Groupings, matchers, ranges and strings: what holds label names and values, not metric names. */
    private static final Pattern NOT_METRICS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)|\\{[^}]*}|\\[[^]]*]|\"[^\"]*\"");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])[a-zA-Z_:][a-zA-Z0-9_:]*(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");

    @Test
    void everyMetricOfTheDashboardIsExposed() throws Exception {
        JsonNode dashboard = json.readTree(Files.readString(DASHBOARD));
        List<String> expressions = dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
        Set<String> used = new TreeSet<>();
        expressions.forEach(e -> used.addAll(metricNames(e)));
        assertThat(used).contains("hub_records_in_total", "hub_exceptions_open", "hub_reconciliation_variance",
                "hub_erp_delivery_lag_seconds_bucket", "camel_exchanges_total", "camel_route_policy_seconds_count");

        dropFixtureCarrierInvoices();
        runOctoberAndClose();
        dropCxoneInvoice();
        runOctober("cxone-gl", "cxone-period", true);
        PrometheusScrape scrape = PrometheusScrape.parse(get("/actuator/prometheus", TestUser.METRICS).body());
        assertThat(scrape.names()).containsAll(used);

        // every panel and query reads the provisioned Prometheus, which scrapes the hub's endpoint
        String uid = Files.readAllLines(DATASOURCE).stream().filter(l -> l.strip().startsWith("uid:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElseThrow();
        assertThat(dashboard.findValues("datasource")).allSatisfy(d -> assertThat(d.path("uid").asText())
                .isEqualTo(uid));
        assertThat(Files.readString(PROMETHEUS)).contains("metrics_path: /actuator/prometheus")
                .contains("password_file: /run/secrets/hub_metrics_password").doesNotContain("password: ");
    }

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le, pipeline) (rate(hub_x_bucket{a=\"b c\"}[6h])))"
                + " / max without (type) (hub_y) > 0 and on (x) camel_z offset 5m")).containsExactly("camel_z",
                "hub_x_bucket", "hub_y");
    }

    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(NOT_METRICS.matcher(expression).replaceAll(" "));
        while (m.find()) {
            // a function is followed by its parenthesis; the m of a duration (5m) follows a digit
            if (m.group(1) == null && !KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }
}
