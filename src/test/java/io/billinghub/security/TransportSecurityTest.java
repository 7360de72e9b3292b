package io.billinghub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.billinghub.sandbox.SftpDropClient;
import io.billinghub.support.HubIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.camel.component.file.remote.SftpConfiguration;
import org.apache.camel.component.file.remote.SftpEndpoint;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.junit.jupiter.api.Test;

/**
 * Transport security as configured. Every SFTP endpoint of the routes checks the server's host key against the
 * pinned known_hosts (never the user's own ~/.ssh/known_hosts), and the carriers' drop client refuses a host it does
 * not know. The HTTP clients (camel-http for the vendor APIs and the ERP, the JDK HttpClient for tokens and Webex
 * downloads) verify certificates and host names by default; nothing in the hub's code or configuration turns that
 * off.
 */
class TransportSecurityTest extends HubIntegrationTest {

    /** What turns certificate or host-name verification off, in code or configuration. */
    private static final List<String> TRUST_ALL = List.of("noophostnameverifier", "trustallstrategy",
            "trustselfsignedstrategy", "x509trustmanager", "trustall", "allow_all_hostname_verifier",
            "disablehostnameverification", "hostnameverifier", "sslcontextparameters", "setdefaultsslsocketfactory",
            "stricthostkeychecking: \"no\"", "stricthostkeychecking=no");

    @Test
    void everySftpEndpointChecksThePinnedHostKey() {
        List<SftpEndpoint> sftp = camel.getEndpoints().stream().filter(SftpEndpoint.class::isInstance)
                .map(SftpEndpoint.class::cast).toList();
        assertThat(sftp).extracting(e -> e.getConfiguration().getDirectory()).containsExactlyInAnyOrder(
                "bandwidth/inbox", "twilio/inbox", "telnyx/inbox", "sinch/inbox", "cxone/acme-contact/inbox",
                "webex/acme-partner/inbox", "usage/acme-contact/inbox", "erp/outbox");
        for (SftpEndpoint endpoint : sftp) {
            SftpConfiguration configuration = endpoint.getConfiguration();
            assertThat(configuration.getStrictHostKeyChecking()).as(configuration.getDirectory()).isEqualTo("yes");
            assertThat(configuration.getKnownHostsFile()).isEqualTo(KNOWN_HOSTS.toString());
            assertThat(configuration.isUseUserKnownHostsFile()).isFalse();
        }
    }

    @Test
    void theDropClientRefusesAHostWhoseKeyItDoesNotKnow() throws IOException {
        Path nothingPinned = Files.createTempFile(WORK, "known_hosts", "");
        assertThatThrownBy(() -> SftpDropClient.drop("localhost", SFTP_PORT, SFTP_USER, SFTP_PASSWORD, nothingPinned,
                "bandwidth/inbox", "unverified.csv", "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThat(filesIn("bandwidth/inbox")).isZero();
    }

    @Test
    void camelHttpVerifiesCertificatesAndHostNames() {
        for (String scheme : List.of("http", "https")) {
            HttpComponent http = camel.getComponent(scheme, HttpComponent.class);
            assertThat(http.getX509HostnameVerifier()).as(scheme).isNotInstanceOf(NoopHostnameVerifier.class);
            assertThat(http.getSslContextParameters()).as(scheme).isNull();
        }
        assertThat(camel.getSSLContextParameters()).isNull();
    }

    @Test
    void nothingInTheCodeOrConfigurationTrustsEveryCertificate() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/main/resources", "routes", "docker")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                    TRUST_ALL.stream().filter(text::contains).forEach(word -> found.add(file + ": " + word));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
