package io.billinghub.platform.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Swagger UI on the API's description at /api/docs/: its page and initializer (no inline script, as the content
 * security policy wants) from classpath:openapi/docs/, Swagger UI's own files from the org.webjars:swagger-ui jar.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocsConfiguration implements WebMvcConfigurer {

    static final String DOCS = "/api/docs/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(DOCS + "**").addResourceLocations("classpath:/openapi/docs/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/api/docs", DOCS);
        registry.addViewController(DOCS).setViewName("forward:" + DOCS + "index.html");
    }
}
