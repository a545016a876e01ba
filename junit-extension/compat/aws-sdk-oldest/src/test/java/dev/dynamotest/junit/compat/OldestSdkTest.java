package dev.dynamotest.junit.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.util.VersionInfo;

/** The extension's tests in this module run on the SDK version it names, not the one the extension is built with. */
class OldestSdkTest {

    @Test
    void the_class_path_has_the_oldest_supported_sdk() {
        assertThat(VersionInfo.SDK_VERSION).isEqualTo(System.getProperty("dynamotest.it.awssdk"));
    }
}
