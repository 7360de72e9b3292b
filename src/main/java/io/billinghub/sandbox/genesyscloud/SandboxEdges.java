package io.billinghub.sandbox.genesyscloud;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.UUID;

/**
 * The edge the sandbox says carried a leg: one UUID-shaped edge per carrier name, stable across runs, so that
 * mappings/genesys-edge-carriers.csv (and the test fixture's copy) can name it. Carriers without a row there (the
 * datasets' unknown carriers) have an edge too, which the hub then finds unmapped.
 */
public final class SandboxEdges {

    private SandboxEdges() {
    }

    public static String edgeId(String carrierName) {
        return UUID.nameUUIDFromBytes(("genesys-sandbox-edge/" + carrierName).getBytes(UTF_8)).toString();
    }
}
