package io.billinghub.sandbox.cxone;

import static io.billinghub.sandbox.cxone.CxoneTestSupport.T0;

import io.billinghub.platform.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The CXone sandbox's web layer on a hand-moved clock; each test starts with no tokens, reports or fault counts.
 * Subclasses declare the {@code @WebMvcTest} with the sandbox settings they need.
 */
@Import(CxoneTestSupport.ClockConfig.class)
abstract class CxoneSandboxMvcTest {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected SettableClock clock;
    @Autowired
    protected CxoneTokens tokens;
    @Autowired
    protected CxoneReportStore reports;
    @Autowired
    protected CxoneSandboxFaults faults;

    @BeforeEach
    void resetSandbox() {
        clock.set(T0);
        tokens.reset();
        reports.reset();
        faults.reset();
    }
}
