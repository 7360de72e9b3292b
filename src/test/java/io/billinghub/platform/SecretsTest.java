package io.billinghub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void credentialsInTextAreMasked() {
        assertThat(Secrets.scrub("Authorization: Bearer eyJhbGciOi.abc")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.scrub("{\"access_token\":\"t0k3n\",\"expires_in\":300}"))
                .isEqualTo("{\"access_token\":\"***\",\"expires_in\":300}");
        assertThat(Secrets.scrub("client_secret=s3cr3t&grant_type=client_credentials"))
                .isEqualTo("client_secret=***&grant_type=client_credentials");
        assertThat(Secrets.scrub("answered HTTP 503: unavailable")).isEqualTo("answered HTTP 503: unavailable");
    }

    @Test
    void sensitiveHeaderNamesAreRecognised() {
        assertThat(Secrets.isSensitiveName("Authorization")).isTrue();
        assertThat(Secrets.isSensitiveName("X-Api-Key")).isTrue();
        assertThat(Secrets.isSensitiveName("hub.sftp.password")).isTrue();
        assertThat(Secrets.isSensitiveName("CamelFileName")).isFalse();
    }
}
