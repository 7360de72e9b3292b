package io.billinghub.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * With hub.security.require-tls, every vendor and ERP URL the hub calls must be https with a host and without
 * credentials in it. The hub's HTTP clients (camel-http, the JDK HttpClient) verify certificates and host names by
 * default, and nothing in the hub turns that off, so https is all this policy has to require. Problems name the
 * setting, never its value: a URL may carry a token.
 */
public final class OutboundTlsPolicy {

    private OutboundTlsPolicy() {
    }

    /** What is wrong with each setting (property name to URL), in the order given; empty when all comply. */
    public static List<String> violations(Map<String, String> urls) {
        List<String> problems = new ArrayList<>();
        urls.forEach((property, url) -> {
            String problem = problem(url);
            if (problem != null) {
                problems.add(property + " " + problem);
            }
        });
        return problems;
    }

    /** Refuses to go on (the hub does not start) when any setting violates the policy. */
    public static void enforce(Map<String, String> urls) {
        List<String> problems = violations(urls);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("hub.security.require-tls is on and outbound TLS is not configured: "
                    + String.join("; ", problems));
        }
    }

    private static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "is not set";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        if (uri.getScheme() == null || !"https".equals(uri.getScheme().toLowerCase(Locale.ROOT))) {
            return "must be an https URL";
        }
        if (uri.getHost() == null) {
            return "has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "may not carry credentials in the URL";
        }
        return null;
    }
}
