package dev.dynamotest.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident memory (VmRSS) from {@code /proc/PID/status}. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** The resident set of process {@code pid} in kilobytes. */
    static long kilobytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return parse(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + status, e);
        }
        throw new IllegalStateException(status + " has no VmRSS line");
    }

    /** The number in a line such as {@code VmRSS:     123456 kB}. */
    static long parse(String line) {
        return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
    }
}
