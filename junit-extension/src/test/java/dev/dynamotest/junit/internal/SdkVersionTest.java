package dev.dynamotest.junit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdkVersionTest {

    @Test
    void an_sdk_older_than_2_26_13_is_refused_with_the_fix() {
        assertThatThrownBy(() -> SdkVersion.require("2.26.12"))
                .isInstanceOf(MisuseException.class)
                .hasMessage("DynamoTest needs the AWS SDK for Java 2.26.13 or newer, and the test class path has "
                        + "2.26.12: raise the version of software.amazon.awssdk:bom (or of "
                        + "software.amazon.awssdk:dynamodb) in your build");
        assertThatThrownBy(() -> SdkVersion.require("2.25.50")).isInstanceOf(MisuseException.class);
        assertThatThrownBy(() -> SdkVersion.require("2.9.0")).isInstanceOf(MisuseException.class);
    }

    @Test
    void the_oldest_supported_and_newer_ones_pass() {
        assertThatCode(() -> SdkVersion.require("2.26.13")).doesNotThrowAnyException();
        assertThatCode(() -> SdkVersion.require("2.57.8")).doesNotThrowAnyException();
        assertThatCode(() -> SdkVersion.require("2.100.0")).doesNotThrowAnyException();
        assertThatCode(() -> SdkVersion.require("2.27.0-SNAPSHOT")).doesNotThrowAnyException();
        assertThatCode(() -> SdkVersion.require("3.0")).doesNotThrowAnyException();
    }

    @Test
    void the_sdk_of_this_build_passes() {
        assertThatCode(SdkVersion::require).doesNotThrowAnyException();
    }
}
