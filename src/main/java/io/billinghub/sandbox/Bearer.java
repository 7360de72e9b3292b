package io.billinghub.sandbox;

/** The token of an "Authorization: Bearer ..." header, for every sandbox API. */
public final class Bearer {

    private Bearer() {
    }

    /** The token, or null when the header is missing, of another scheme or empty. */
    public static String token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
