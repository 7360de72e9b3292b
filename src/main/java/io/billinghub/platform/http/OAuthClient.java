package io.billinghub.platform.http;

/**
 * The OAuth client of one vendor tenant. The id, secret and refresh token may be Camel property placeholders,
 * including vault functions ({{hashicorp:secret:...}}, {{aws:...}}, {{azure:...}}), resolved at each token
 * request; their values are never logged ({@link #toString()}).
 */
public record OAuthClient(String cacheKey, String tokenUrl, String clientId, String clientSecret, String scope,
                          Style style, String refreshToken) {

    public OAuthClient(String cacheKey, String tokenUrl, String clientId, String clientSecret, String scope,
                       Style style) {
        this(cacheKey, tokenUrl, clientId, clientSecret, scope, style, null);
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
        REFRESH_TOKEN_FORM
    }

    @Override
    public String toString() {
        return "OAuthClient[" + cacheKey + " at " + tokenUrl + ", clientId=***, clientSecret=***, refreshToken=***]";
    }
}
