package dev.dynamotest.core.internal.ops.transfers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void reads_quoted_fields_with_delimiters_quotes_and_line_breaks() {
        assertThat(CsvRecords.parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,x\n", ','))
                .containsExactly(List.of("a", "b,c", "say \"hi\""), List.of("two\nlines", "", "x"));
    }

    @Test
    void takes_another_delimiter_and_skips_empty_lines() {
        assertThat(CsvRecords.parse("a|b\n\nc|\n", '|')).containsExactly(List.of("a", "b"), List.of("c", ""));
    }

    @Test
    void an_open_quote_is_an_error() {
        assertThatThrownBy(() -> CsvRecords.parse("a,\"b\n", ',')).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a quoted field is not closed");
    }
}
