package io.billinghub.sandbox.webex;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pre-signed download links in the shape of CloudFront's canned-policy URLs:
 * {@code <base>/<file>.csv?Expires=<epoch seconds>&Signature=<HMAC-SHA256, base64url>&Key-Pair-Id=sandbox}. The
 * signature covers the file name and the expiry, so neither can be changed; a link is valid strictly before its
 * Expires second. The key is random per start unless given: links do not survive a restart, like links signed by a
 * rotated key.
 */
public final class WebexLinkSigner {

    public static final String KEY_PAIR_ID = "sandbox";

    public enum Verdict { VALID, EXPIRED, DENIED }

    private final byte[] key;
    private final Duration validity;
    private final Clock clock;

    public WebexLinkSigner(byte[] key, Duration validity, Clock clock) {
        this.key = key.clone();
        this.validity = validity;
        this.clock = clock;
    }

    public static WebexLinkSigner withRandomKey(Duration validity, Clock clock) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new WebexLinkSigner(key, validity, clock);
    }

    /** A fresh link to the file, valid for the configured validity from now. */
    public String link(String baseUrl, String fileId) {
        long expires = clock.instant().plus(validity).getEpochSecond();
        return baseUrl + "/" + fileId + ".csv?Expires=" + expires + "&Signature=" + signature(fileId, expires)
                + "&Key-Pair-Id=" + KEY_PAIR_ID;
    }

    /** Checks a link's query values; any of them may be null (missing). */
    public Verdict verify(String fileId, String expires, String signature, String keyPairId) {
        long expiry;
        try {
            expiry = Long.parseLong(expires == null ? "" : expires);
        } catch (NumberFormatException e) {
            return Verdict.DENIED;
        }
        if (!KEY_PAIR_ID.equals(keyPairId) || signature == null
                || !MessageDigest.isEqual(signature(fileId, expiry).getBytes(UTF_8), signature.getBytes(UTF_8))) {
            return Verdict.DENIED;
        }
        return clock.instant().getEpochSecond() < expiry ? Verdict.VALID : Verdict.EXPIRED;
    }

    private String signature(String fileId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((fileId + ".csv\n" + expires).getBytes(UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
