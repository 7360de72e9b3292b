package io.billinghub.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every report as a CSV download: {@link ReportCsvConverter} after the JSON converter, and a Content-Disposition
 * attachment named after the report's path and its period or day, e.g. {@code /api/cxone/lines?period=2026-10}
 * downloads as {@code cxone-lines-2026-10.csv}.
 */
@Configuration(proxyBeanMethods = false)
public class CsvDownloads implements WebMvcConfigurer {

    /** Query parameters that name what a download holds, in the order they go into its file name. */
    private static final List<String> NAMING_PARAMETERS = List.of("period", "day", "from", "to");

    private final ObjectMapper json;

    public CsvDownloads(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(new ReportCsvConverter(json));
    }

    /** The file name of a report's CSV download. */
    static String fileName(String path, HttpServletRequest request) {
        List<String> parts = new ArrayList<>(List.of(path.replaceFirst("^/api/", "").split("/")));
        NAMING_PARAMETERS.stream().map(request::getParameter).filter(v -> v != null && !v.isBlank())
                .forEach(parts::add);
        return String.join("-", parts).replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
    }

    /** Names the attachment of a report written by {@link ReportCsvConverter}. */
    @ControllerAdvice(basePackages = "io.billinghub")
    static class AttachmentNames implements ResponseBodyAdvice<Object> {

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
            return ReportCsvConverter.class.equals(converter);
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                      Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
                                      ServerHttpResponse response) {
            HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
            response.getHeaders().set(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"" + fileName(servlet.getRequestURI(), servlet) + "\"");
            return body;
        }
    }
}
