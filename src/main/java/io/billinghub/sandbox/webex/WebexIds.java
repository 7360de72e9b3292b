package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.UUID;

/** Webex-style opaque ids: base64url, unpadded, of {@code ciscospark://us/<KIND>/<uuid>}. */
final class WebexIds {

    private WebexIds() {
    }

    static String of(String kind, UUID uuid) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("ciscospark://us/" + kind + "/" + uuid).getBytes(UTF_8));
    }

    /** The stable person id of the integration that creates the reports (the report's createdBy). */
    static String person(String clientId) {
        return of("PEOPLE", UUID.nameUUIDFromBytes(("webex-sandbox-person/" + clientId).getBytes(UTF_8)));
    }
}
