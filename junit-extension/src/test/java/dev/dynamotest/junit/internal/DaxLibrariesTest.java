package dev.dynamotest.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The message of {@code Dax.client()} when Amazon's DAX client or the libraries it uses are not on the class path. */
class DaxLibrariesTest {

    @Test
    void with_everything_on_the_class_path_nothing_is_missing() {
        assertThat(DaxHandle.missingLibraries(DaxLibrariesTest.class.getClassLoader())).isNull();
    }

    @Test
    void without_the_dax_client_the_message_names_the_artifact_and_the_two_libraries_it_needs() {
        ClassLoader bootstrapOnly = new ClassLoader(null) {
        };
        assertThat(DaxHandle.missingLibraries(bootstrapOnly)).isEqualTo("Dax.client() builds Amazon's DAX client, "
                + "but the test class path lacks Amazon's DAX client (software.amazon.dax.ClusterDaxClient), "
                + "commons-codec (org.apache.commons.codec.binary.Hex), Commons Logging "
                + "(org.apache.commons.logging.LogFactory); add the test dependencies "
                + "software.amazon.dax:amazon-dax-client (2.0.10 or later), commons-codec:commons-codec and a Commons "
                + "Logging implementation such as org.slf4j:jcl-over-slf4j, or build your own DAX client with "
                + "Dax.url()");
    }

    @Test
    void without_commons_logging_the_message_names_only_it_as_missing() {
        ClassLoader withoutLogging = new ClassLoader(DaxLibrariesTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("org.apache.commons.logging.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThat(DaxHandle.missingLibraries(withoutLogging))
                .startsWith("Dax.client() builds Amazon's DAX client, but the test class path lacks Commons Logging "
                        + "(org.apache.commons.logging.LogFactory); add the test dependencies "
                        + "software.amazon.dax:amazon-dax-client");
    }
}
