package io.billinghub.sandbox.org;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.billinghub.sandbox.cxone.CxonePublishedSandbox;
import io.billinghub.sandbox.cxone.CxonePublishedSandboxConfiguration;
import io.billinghub.sandbox.cxone.CxoneSandboxConfiguration;
import io.billinghub.sandbox.cxone.CxoneSandboxFaults;
import io.billinghub.sandbox.cxone.CxoneSandboxProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same document-shaped CXone organisation APIs on the published API's host (/sandbox/cxone-published, the
 * api_endpoint its discovery answers), read with the tenant's published token (the password grant of
 * /sandbox/cxone-published/auth/token). NICE publishes no organisation API in this shape: the sandbox passes it
 * through on the one host a PUBLISHED tenant knows, as it does for Genesys, so that such a tenant is charged back
 * with the credentials it has.
 */
@RestController
@RequestMapping(CxonePublishedSandbox.BASE)
@ConditionalOnProperty(prefix = "hub.embedded.sandbox", name = "enabled", havingValue = "true")
// Brings its beans along when a @WebMvcTest slice picks this controller up without the configurations.
@Import({CxoneSandboxConfiguration.class, CxonePublishedSandboxConfiguration.class, OrgSandboxConfiguration.class})
class CxonePublishedOrgSandboxController extends CxoneOrgApi {

    private final CxonePublishedSandbox published;

    CxonePublishedOrgSandboxController(CxoneSandboxProperties properties, CxoneSandboxFaults faults,
                                       CxonePublishedSandbox published, OrgMonths months, ObjectMapper json) {
        super(properties, faults, months, json);
        this.published = published;
    }

    @Override
    boolean authorised(String token) {
        return published.valid(token);
    }
}
