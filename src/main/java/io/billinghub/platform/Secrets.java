package io.billinghub.platform;

import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps credentials out of logs, payloads and the exception queue. */
public final class Secrets {

    private static final Pattern SENSITIVE_NAME =
            Pattern.compile(".*(secret|password|passwd|token|authorization|cookie|credential|api-?key).*");
    private static final Pattern INLINE = Pattern.compile(
            "(?i)(bearer\\s+|basic\\s+|(?:secret|password|token|access_token|client_secret)[\"']?\\s*[=:]\\s*[\"']?)"
                    + "[^\\s\"'&,}]+");

    private Secrets() {
    }

    public static boolean isSensitiveName(String name) {
        return name != null && SENSITIVE_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }

    /** Masks values that look like credentials inside free text (exception messages, response bodies). */
    public static String scrub(String text) {
        return text == null ? null : INLINE.matcher(text).replaceAll("$1***");
    }
}
