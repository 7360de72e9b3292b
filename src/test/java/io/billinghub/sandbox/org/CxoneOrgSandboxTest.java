package io.billinghub.sandbox.org;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The MVC slice of the CXone organisation sandbox, on its document host and its published host, without injected
 * faults, with the settable clock; one Spring context shared by the classes that use it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = {CxoneOrgSandboxController.class, CxonePublishedOrgSandboxController.class}, properties = {
        "hub.embedded.sandbox.enabled=true",
        "hub.embedded.sandbox.cxone.users=50",
        "hub.embedded.sandbox.cxone.client-id=test-client",
        "hub.embedded.sandbox.cxone.client-secret=test-secret",
        "hub.embedded.sandbox.cxone.token-ttl-seconds=120",
        "hub.embedded.sandbox.cxone.rate-limit-every=0",
        "hub.embedded.sandbox.cxone.unavailable-every=0"})
@Import(OrgSandboxTestSupport.ClockConfig.class)
// the slice has none of the hub's security: the sandbox checks its own bearer tokens
@AutoConfigureMockMvc(addFilters = false)
@interface CxoneOrgSandboxTest {
}
