package io.billinghub.normalisation;

import io.billinghub.exceptions.ExceptionType;
import java.util.Map;

/** Something normalisation noticed about a line, for the exception queue (the line itself is kept). */
public record Finding(ExceptionType type, String reason, Map<String, Object> context) {
}
