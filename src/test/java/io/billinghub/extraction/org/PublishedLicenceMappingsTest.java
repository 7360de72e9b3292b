package io.billinghub.extraction.org;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The vendors' licence and profile names hold spaces; Spring binds a map key with anything but letters, digits and
 * '-' only when the key is bracketed, and would otherwise drop the spaces (so "Agent Essential" would stay unmapped
 * and its seats unrated). application.yml, as the hub binds it, maps every name the sandbox's tenants use.
 */
class PublishedLicenceMappingsTest {

    @Test
    void namesWithSpacesAreBoundAsTheVendorsWriteThem() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("application", new FileSystemResource("src/main/resources/application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        Binder binder = Binder.get(environment);

        CxonePublishedOrgProperties cxone = binder.bind("hub.chargeback.cxone-published",
                CxonePublishedOrgProperties.class).get();
        assertThat(cxone.licenceTypes()).containsOnly(entry("Agent Essential", "CX_1"),
                entry("Agent Advanced", "CX_2"), entry("Agent Complete", "CX_3"), entry("No Seat", "NONE"));
        GenesysPublishedProperties genesys = binder.bind("hub.chargeback.genesys-published",
                GenesysPublishedProperties.class).get();
        assertThat(genesys.licenceTypes()).contains(entry("Genesys Cloud CX 1 User", "CX_1"),
                entry("Genesys Cloud WEM Add-on User", "NONE"), entry("cloudcx3", "CX_3"));
    }
}
