package io.billinghub.sandbox.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.cxone.CxoneSandboxConfiguration;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneSandboxProperties;
import io.billinghub.sandbox.cxone.CxoneTokens;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CXone organisation APIs under /sandbox/cxone, the design document's host, beside its usage reports and
 * invoice: a client-credentials token of /sandbox/cxone/oauth/token with any of the tenant's scopes reads them.
 */
@RestController
@RequestMapping("/sandbox/cxone")
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configurations.
@Import({CxoneSandboxConfiguration.class, OrgSandboxConfiguration.class})
class CxoneOrgSandboxController extends CxoneOrgApi {

    private final CxoneTokens tokens;

    CxoneOrgSandboxController(CxoneSandboxProperties properties, CxoneSandboxFaults faults, CxoneTokens tokens,
                              OrgMonths months, ObjectMapper json) {
        super(properties, faults, months, json);
        this.tokens = tokens;
    }

    @Override
    boolean authorised(String token) {
        return CxoneTokens.SCOPES.stream().anyMatch(scope -> tokens.check(token, scope) == CxoneTokens.Check.VALID);
    }
}
