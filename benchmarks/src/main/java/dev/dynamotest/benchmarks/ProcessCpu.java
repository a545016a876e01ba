package dev.dynamotest.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the CPU time a process has used (user plus system) from {@code /proc/PID/stat}. */
final class ProcessCpu {

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on Linux. */
    static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** The CPU time process {@code pid} has used so far, in clock ticks. */
    static long ticks(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            return parse(Files.readString(stat));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }

    /**
     * utime plus stime of a {@code /proc/PID/stat} line: fields 14 and 15, counted after the command name, which
     * is in parentheses and may itself hold spaces.
     */
    static long parse(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
