package dev.dynamotest.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeysTest {

    @TempDir
    Path folder;

    @Test
    void reads_a_key_and_its_secret_per_line_separated_by_spaces_a_tab_or_a_comma() throws Exception {
        Path file = Files.writeString(folder.resolve("keys"),
                "# keys of the test fleet\n\nAKIDONE  secret-one\nAKIDTWO\tsecret/two\n  AKIDTHREE,secret+three  \n");

        AccessKeys keys = AccessKeys.read(file);

        assertThat(keys.accessKeyIds()).containsExactlyInAnyOrder("AKIDONE", "AKIDTWO", "AKIDTHREE");
        assertThat(keys.secretKey("AKIDONE")).isEqualTo("secret-one");
        assertThat(keys.secretKey("AKIDTWO")).isEqualTo("secret/two");
        assertThat(keys.secretKey("AKIDTHREE")).isEqualTo("secret+three");
        assertThat(keys.secretKey("AKIDFOUR")).isNull();
        assertThat(keys.toString()).doesNotContain("secret");
    }

    @Test
    void names_the_line_that_is_not_a_key_and_a_secret() throws Exception {
        Path file = Files.writeString(folder.resolve("keys"), "AKIDONE secret-one\nAKIDTWO\n");

        assertThatThrownBy(() -> AccessKeys.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("credentials file " + file + ", line 2: expected an access key id and a secret key, "
                        + "separated by a space or a comma");
    }

    @Test
    void refuses_a_file_without_keys_and_a_missing_file() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty"), "# nothing yet\n");

        assertThatThrownBy(() -> AccessKeys.read(empty)).hasMessage("credentials file " + empty + " holds no access key");
        assertThatThrownBy(() -> AccessKeys.read(folder.resolve("missing"))).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the credentials file " + folder.resolve("missing"));
    }

    @Test
    void adds_keys_one_by_one() {
        AccessKeys keys = AccessKeys.of("AKIDONE", "one").and("AKIDTWO", "two").and("AKIDONE", "uno");

        assertThat(keys.secretKey("AKIDONE")).isEqualTo("uno");
        assertThat(keys.secretKey("AKIDTWO")).isEqualTo("two");
        assertThatThrownBy(() -> AccessKeys.of("AKID", " ")).hasMessage("the secret key is blank");
    }
}
