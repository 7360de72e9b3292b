package io.billinghub.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI description of the REST API (src/main/resources/openapi/billing-hub.yaml, written by hand and kept in
 * step with the controllers by OpenApiContractTest), as written and converted to JSON.
 */
@RestController
@RequestMapping("/api")
public class OpenApiController {

    static final String RESOURCE = "openapi/billing-hub.yaml";
    static final String APPLICATION_YAML = "application/yaml";

    private final byte[] yaml;
    private final byte[] json;

    public OpenApiController(ObjectMapper mapper) throws IOException {
        yaml = new ClassPathResource(RESOURCE).getContentAsByteArray();
        // SnakeYAML rather than Jackson's YAML module: with that on the classpath Spring MVC would answer every
        // endpoint in YAML to an Accept: application/yaml
        Object description = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(new String(yaml, StandardCharsets.UTF_8));
        json = mapper.writeValueAsBytes(description);
    }

    @GetMapping(value = "/openapi.yaml", produces = APPLICATION_YAML)
    public byte[] yaml() {
        return yaml.clone();
    }

    @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public byte[] json() {
        return json.clone();
    }
}
