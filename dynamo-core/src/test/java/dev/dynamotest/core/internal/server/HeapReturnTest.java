package dev.dynamotest.core.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each case runs {@link HeapReturn} in a JVM of its own, started with the options the case names. */
class HeapReturnTest {

    @Test
    void sets_the_three_options_in_a_jvm_started_without_them() throws Exception {
        assertThat(runIn()).containsExactly(
                "set [MinHeapFreeRatio=10, MaxHeapFreeRatio=20, G1PeriodicGCInterval=10000]",
                "MinHeapFreeRatio=10", "MaxHeapFreeRatio=20", "G1PeriodicGCInterval=10000");
    }

    @Test
    void leaves_alone_what_the_command_line_chose() throws Exception {
        assertThat(runIn("-XX:MaxHeapFreeRatio=70", "-XX:G1PeriodicGCInterval=0")).containsExactly(
                "set [MinHeapFreeRatio=10]",
                "MinHeapFreeRatio=10", "MaxHeapFreeRatio=70", "G1PeriodicGCInterval=0");
    }

    @Test
    void keeps_a_minimum_chosen_above_its_maximum_valid() throws Exception {
        assertThat(runIn("-XX:MinHeapFreeRatio=30")).containsExactly(
                "set [G1PeriodicGCInterval=10000]",
                "MinHeapFreeRatio=30", "MaxHeapFreeRatio=70", "G1PeriodicGCInterval=10000");
    }

    /** The lines {@link Probe} prints in a JVM started with {@code options}. */
    private static List<String> runIn(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    /** Configures the JVM it runs in, then prints what it set and the three options' values. */
    static final class Probe {
        public static void main(String[] args) {
            System.out.println("set " + HeapReturn.configure());
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            for (String name : List.of(HeapReturn.MIN_FREE, HeapReturn.MAX_FREE, HeapReturn.PERIODIC_GC)) {
                System.out.println(name + "=" + vm.getVMOption(name).getValue());
            }
        }
    }
}
