package io.billinghub.platform.http;

/**
 * The OAuth client of one vendor tenant. The id, secret, refresh token, username and password may be Camel property
 * placeholders, including vault functions ({{hashicorp:secret:...}}, {{aws:...}}, {{azure:...}}), resolved at each
 * token request; their values are never logged ({@link #toString()}).
 */
public record OAuthClient(String cacheKey, String tokenUrl, String clientId, String clientSecret, String scope,
                          Style style, String refreshToken, String username, String password) {

    public OAuthClient(String cacheKey, String tokenUrl, String clientId, String clientSecret, String scope,
                       Style style) {
        this(cacheKey, tokenUrl, clientId, clientSecret, scope, style, null);
    }

    public OAuthClient(String cacheKey, String tokenUrl, String clientId, String clientSecret, String scope,
                       Style style, String refreshToken) {
        this(cacheKey, tokenUrl, clientId, clientSecret, scope, style, refreshToken, null, null);
    }

    /**
     * A password grant with the client in HTTP Basic auth ({@link Style#PASSWORD_BASIC}): NICE CXone's published
     * token endpoint, where username and password are a CXone user's access key id and secret.
     */
    public static OAuthClient passwordBasic(String cacheKey, String tokenUrl, String clientId, String clientSecret,
                                            String username, String password) {
        return new OAuthClient(cacheKey, tokenUrl, clientId, clientSecret, null, Style.PASSWORD_BASIC, null,
                username, password);
    }

    /** How the credentials travel. */
    public enum Style {
        /** Form body {@code grant_type=client_credentials}, credentials in HTTP Basic auth (Genesys). */
        BASIC_FORM,
        /** JSON body with grant_type, scope, client_id and client_secret, as the CXone design document shows. */
        JSON_BODY,
        /**
         * Form body {@code grant_type=refresh_token} with client id, secret and the long-lived refresh token of an
         * integration (Webex), which yields short-lived access tokens.
         */
        REFRESH_TOKEN_FORM,
        /**
         * Form body {@code grant_type=password&username=...&password=...} with the client in HTTP Basic auth (NICE
         * CXone's published {@code /auth/token}, username and password being an access key id and secret).
         */
        PASSWORD_BASIC
    }

    @Override
    public String toString() {
        return "OAuthClient[" + cacheKey + " at " + tokenUrl + ", clientId=***, clientSecret=***, refreshToken=***,"
                + " username=***, password=***]";
    }
}
