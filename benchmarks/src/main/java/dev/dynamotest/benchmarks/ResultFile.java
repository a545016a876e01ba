package dev.dynamotest.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** A CSV file of results that several runs append to: the header is written once, by whoever comes first. */
record ResultFile(Path path, String header) {

    static final String WORKLOAD = "workload.csv";
    static final String MEMORY = "memory.csv";
    static final String SCALE = "scale.csv";
    static final String HEAP = "heap.csv";

    void append(String line) {
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            if (!Files.exists(path)) {
                Files.writeString(path, header + "\n", StandardCharsets.UTF_8);
            }
            Files.writeString(path, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /** The data lines, without the header; none when the file does not exist. */
    List<String> lines() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            List<String> all = Files.readAllLines(path, StandardCharsets.UTF_8);
            return all.subList(1, all.size()).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
