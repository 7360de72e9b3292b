package io.billinghub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BillingHubApplication {
    public static void main(String[] args) {
        SpringApplication.run(BillingHubApplication.class, args);
    }
}
