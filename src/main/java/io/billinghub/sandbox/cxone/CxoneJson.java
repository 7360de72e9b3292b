package io.billinghub.sandbox.cxone;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;

/** Serializers that keep decimals exactly as scaled (0.4200, never 0.42 or 4.2E-1), whatever the mapper's settings. */
final class CxoneJson {

    private CxoneJson() {
    }

    /** A JSON number with the value's own scale: {@code 0.4200}. */
    static final class PlainNumber extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toPlainString());
        }
    }

    /** A JSON string with the value's own scale: {@code "1234.56"}. */
    static final class PlainString extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toPlainString());
        }
    }
}
