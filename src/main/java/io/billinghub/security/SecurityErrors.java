package io.billinghub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as JSON in the shape of the API's other errors (ApiErrors), with the Basic challenge on 401. */
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "billing-hub";
    static final String REQUESTED_WITH = "X-Requested-With";
    static final String SCRIPT_REQUEST = "XMLHttpRequest";

    private final ObjectMapper json;

    public SecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException failure) throws IOException {
        // the console asks for credentials in its own form: a challenge would pop the browser's dialog over it
        if (!SCRIPT_REQUEST.equals(request.getHeader(REQUESTED_WITH))) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "valid credentials are required (HTTP Basic)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException denied) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "your role may not " + request.getMethod() + " "
                + request.getRequestURI());
    }

    private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Map.of("status", status.value(), "error",
                status.getReasonPhrase(), "message", message));
    }
}
