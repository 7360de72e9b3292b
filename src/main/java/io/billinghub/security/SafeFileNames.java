package io.billinghub.security;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name from outside (a file dropped over SFTP, a header of a replayed case) becomes a path only if it is a plain
 * file name: it cannot climb out of its folder, name another folder, an absolute path or a drive, or hide control
 * characters that make logs and listings lie about it.
 */
public final class SafeFileNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*", Pattern.DOTALL);
    private static final Pattern UNSAFE_CHARACTER = Pattern.compile("[^A-Za-z0-9._-]");

    private SafeFileNames() {
    }

    /** Thrown for a name that may not become a path; the message says why. */
    public static class UnsafeFileNameException extends IllegalArgumentException {
        public UnsafeFileNameException(String message) {
            super(message);
        }
    }

    /** Why the name may not become a path, or empty for a plain file name. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("the file name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                return Optional.of(String.format("the file name contains the control character U+%04X", (int) c));
            }
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("the file name contains a path separator");
        }
        if (name.contains("..") || name.equals(".")) {
            return Optional.of("the file name contains '..' or is '.'");
        }
        if (DRIVE.matcher(name).matches()) {
            return Optional.of("the file name starts with a drive letter");
        }
        return Optional.empty();
    }

    /** The name itself, when it is a plain file name. */
    public static String require(String name) {
        Optional<String> problem = problem(name);
        if (problem.isPresent()) {
            throw new UnsafeFileNameException(problem.get() + ": '" + printable(name) + "' refused");
        }
        return name;
    }

    /** A name to move a refused file aside under: letters, digits, '.', '_' and '-' only, never "..". */
    public static String standIn(String name) {
        return "refused-" + UNSAFE_CHARACTER.matcher(name == null ? "" : name).replaceAll("_").replace("..", "__");
    }

    /** The name with control characters shown as \\uXXXX, for messages and logs. */
    public static String printable(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            text.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return text.toString();
    }
}
