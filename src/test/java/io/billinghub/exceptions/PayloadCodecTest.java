package io.billinghub.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    private final PayloadCodec codec = new PayloadCodec(new ObjectMapper());

    @Test
    void aFileOverTheLimitIsNotReadButSaysWhereItIs() {
        // 32 MiB + 1 byte: one byte too many to be kept with its case (the file itself is never opened)
        GenericFile<Object> file = new GenericFile<>();
        file.setFileNameOnly("usage-2026-10.csv");
        file.setFileLength(32L * 1024 * 1024 + 1);

        PayloadCodec.Encoded encoded = codec.encode(exchangeWith(file));

        assertThat(encoded.type()).isEqualTo(PayloadCodec.FILE_NOT_KEPT);
        String note = new String(encoded.bytes(), StandardCharsets.UTF_8);
        assertThat(note).isEqualTo("the file usage-2026-10.csv (33554433 bytes) is too large to keep with its case:"
                + " it is moved to the error folder beside its inbox; drop it into the inbox again to retry");
        assertThatThrownBy(() -> codec.decode(encoded.bytes(), encoded.type())).hasMessage(note);
    }

    @Test
    void textAndBytesRoundTrip() {
        assertThat(codec.decode(codec.encode(exchangeWith("a,b")).bytes(), PayloadCodec.TEXT)).isEqualTo("a,b");
        byte[] bytes = {1, 2, 3};
        assertThat((byte[]) codec.decode(codec.encode(exchangeWith(bytes)).bytes(), PayloadCodec.BYTES))
                .containsExactly(1, 2, 3);
    }

    private static Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(body);
        return exchange;
    }
}
