package dev.dynamotest.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void parses_a_status_line() {
        assertThat(ResidentMemory.parse("VmRSS:\t  123456 kB")).isEqualTo(123456);
    }

    @Test
    void reads_the_resident_memory_of_this_process() {
        assertThat(ResidentMemory.kilobytes(ProcessHandle.current().pid())).isPositive();
    }
}
