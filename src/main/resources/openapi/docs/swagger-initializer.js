// Swagger UI on the hub's own description. The URL is built from origin and path: a page opened as
// http://user:password@host/... may not fetch a URL that carries those credentials.
window.ui = SwaggerUIBundle({
  url: new URL("../openapi.yaml", window.location.origin + window.location.pathname).href,
  dom_id: "#swagger-ui",
  deepLinking: true
});
