package io.billinghub.sandbox.webex;

import static io.billinghub.sandbox.webex.WebexTestSupport.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.billinghub.platform.SettableClock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

class WebexLinkSignerTest {

    private static final String BASE = "http://localhost:8080/sandbox/webex/downloads";
    private static final String FILE = "0b7c2d1e-3f4a-4b5c-8d6e-7f8091a2b3c4";

    private final SettableClock clock = new SettableClock(T0);
    private final WebexLinkSigner signer = new WebexLinkSigner("test-key".getBytes(), Duration.ofMinutes(30), clock);

    @Test
    void aLinkIsValidForThirtyMinutesAfterItWasSigned() {
        Map<String, String> query = query(signer.link(BASE, FILE));
        // T0 = 2026-11-10T09:00:00Z = 1794301200 s; + 30 min = 1794303000
        assertThat(query).containsEntry("Expires", "1794303000").containsEntry("Key-Pair-Id", "sandbox");
        assertThat(query.get("Signature")).matches("[A-Za-z0-9_-]{43}");
        assertThat(verify(query)).isEqualTo(WebexLinkSigner.Verdict.VALID);
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(verify(query)).isEqualTo(WebexLinkSigner.Verdict.VALID);
        clock.advance(Duration.ofSeconds(1));
        assertThat(verify(query)).isEqualTo(WebexLinkSigner.Verdict.EXPIRED);
    }

    @Test
    void aLaterLinkExpiresLater() {
        Map<String, String> first = query(signer.link(BASE, FILE));
        clock.advance(Duration.ofMinutes(20));
        Map<String, String> second = query(signer.link(BASE, FILE));
        // T0 + 20 min + 30 min
        assertThat(second.get("Expires")).isEqualTo("1794304200");
        assertThat(second.get("Signature")).isNotEqualTo(first.get("Signature"));
        clock.advance(Duration.ofMinutes(15));
        assertThat(verify(first)).isEqualTo(WebexLinkSigner.Verdict.EXPIRED);
        assertThat(verify(second)).isEqualTo(WebexLinkSigner.Verdict.VALID);
    }

    @Test
    void aChangedOrIncompleteLinkIsDenied() {
        Map<String, String> query = query(signer.link(BASE, FILE));
        String expires = query.get("Expires");
        String signature = query.get("Signature");
        // a later Expires, another file, another key pair, another key, missing or garbled values
        assertThat(signer.verify(FILE, "1794306600", signature, "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify("other-file", expires, signature, "sandbox"))
                .isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify(FILE, expires, signature, "APKAJADAKLCI2FW2U32Q"))
                .isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(new WebexLinkSigner("other-key".getBytes(), Duration.ofMinutes(30), clock)
                .verify(FILE, expires, signature, "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify(FILE, null, signature, "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify(FILE, "soon", signature, "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify(FILE, expires, null, "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
        assertThat(signer.verify(FILE, expires, signature + "x", "sandbox"))
                .isEqualTo(WebexLinkSigner.Verdict.DENIED);
        // a bad signature is denied even once the link has expired: nothing about the file is given away
        clock.advance(Duration.ofHours(1));
        assertThat(signer.verify(FILE, expires, "forged", "sandbox")).isEqualTo(WebexLinkSigner.Verdict.DENIED);
    }

    @Test
    void theLinkPointsAtTheFileUnderTheBase() {
        String link = signer.link(BASE, FILE);
        assertThat(link).startsWith(BASE + "/" + FILE + ".csv?Expires=");
        assertThat(WebexLinkSigner.withRandomKey(Duration.ofMinutes(30), clock).link(BASE, FILE)).isNotEqualTo(link);
    }

    private WebexLinkSigner.Verdict verify(Map<String, String> query) {
        return signer.verify(FILE, query.get("Expires"), query.get("Signature"), query.get("Key-Pair-Id"));
    }

    private static Map<String, String> query(String link) {
        return UriComponentsBuilder.fromUriString(link).build().getQueryParams().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }
}
