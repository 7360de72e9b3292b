package io.billinghub.platform;

import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Resolves configuration values that are Camel property placeholders at the moment they are used, so a secret
 * can live in a vault: {@code {{hashicorp:secret:cxone#clientSecret}}}, {@code {{aws:cxone/client#secret}}},
 * {@code {{azure:cxone-client-secret}}} (with camel.vault.* configured), or {@code {{env:CXONE_SECRET}}}.
 * A plain value is returned as is.
 */
@Component
public class SecretResolver {

    private final CamelContext camel;

    public SecretResolver(CamelContext camel) {
        this.camel = camel;
    }

    public String resolve(String value) {
        return value == null || !value.contains("{{") ? value : camel.resolvePropertyPlaceholders(value);
    }
}
