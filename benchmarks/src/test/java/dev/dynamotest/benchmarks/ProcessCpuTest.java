package dev.dynamotest.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void adds_user_and_system_time_of_a_stat_line_whose_command_holds_spaces_and_parentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 30 0 100 0 0";

        assertEquals(1234 + 567, ProcessCpu.parse(stat));
    }

    @Test
    void reads_the_cpu_time_this_jvm_has_used_to_start() {
        assertTrue(ProcessCpu.ticks(ProcessHandle.current().pid()) > 0);
    }
}
