package dev.dynamotest.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's README as the tests of this package read it: its lines, its tables and its Java examples. */
final class Readme {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path FILE = ROOT.resolve("README.md");

    private Readme() {
    }

    static List<String> lines() {
        return lines(FILE);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the first table after the line that contains {@code heading}, each a list of its cells. */
    static List<List<String>> tableAfter(String heading) {
        List<String> lines = lines();
        int at = 0;
        while (at < lines.size() && !lines.get(at).contains(heading)) {
            at++;
        }
        if (at == lines.size()) {
            throw new AssertionError("README.md has no line with " + heading);
        }
        while (at < lines.size() && !lines.get(at).startsWith("|")) {
            at++;
        }
        List<List<String>> rows = new ArrayList<>();
        for (at += 2; at < lines.size() && lines.get(at).startsWith("|"); at++) {
            List<String> cells = new ArrayList<>();
            for (String cell : lines.get(at).substring(1).split("(?<!\\\\)\\|")) {
                cells.add(cell.strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    /** The parts of a cell written as code ({@code `...`}). */
    static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher m = Pattern.compile("`([^`]+)`").matcher(cell);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }
}
