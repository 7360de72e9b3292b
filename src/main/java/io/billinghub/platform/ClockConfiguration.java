package io.billinghub.platform;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One UTC clock for the whole hub (a pinned instant makes finalisation windows reproducible in tests and demos),
 * and the sleeper that waits between polls.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock(@Value("${hub.clock.fixed-instant:}") String fixedInstant) {
        return fixedInstant.isBlank() ? Clock.systemUTC() : new SettableClock(Instant.parse(fixedInstant));
    }

    @Bean
    Sleeper sleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
