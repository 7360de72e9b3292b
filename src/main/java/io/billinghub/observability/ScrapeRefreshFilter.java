package io.billinghub.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refreshes the database gauges when the metrics are read (/actuator/prometheus, /actuator/metrics), so a scrape
 * sees the figures of that moment and nothing polls the database between scrapes. Registered after Spring
 * Security's filters: a request without the right to read the metrics is refused before any query runs.
 */
public class ScrapeRefreshFilter extends OncePerRequestFilter {

    private final BusinessGauges gauges;

    public ScrapeRefreshFilter(BusinessGauges gauges) {
        this.gauges = gauges;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        gauges.refresh();
        chain.doFilter(request, response);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<ScrapeRefreshFilter> scrapeRefresh(BusinessGauges gauges,
                                                                  WebEndpointProperties endpoints) {
            FilterRegistrationBean<ScrapeRefreshFilter> registration =
                    new FilterRegistrationBean<>(new ScrapeRefreshFilter(gauges));
            String base = endpoints.getBasePath();
            registration.addUrlPatterns(base + "/prometheus", base + "/metrics", base + "/metrics/*");
            return registration;
        }
    }
}
