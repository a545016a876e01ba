package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Java examples and the compiled classes of this package in step: every {@code ```java} block of
 * the README follows a marker {@code <!-- example: File.java -->} (the block is the whole file without its package
 * line) or {@code <!-- example: File.java#name -->} (the block is the file's imports that the part uses, a blank line, and the lines
 * between {@code // begin name} and {@code // end name}, with their common indentation taken off). The classes are
 * tests of this module, so every example also runs in the build; an example from a module that this one cannot
 * depend on (the Spring ones) names its file by its path from the repository's root. A block indented in a list item
 * is compared without its indentation.
 */
class ReadmeExamplesTest {

    private static final Path SOURCES = Path.of("src/test/java/dev/dynamotest/readme");
    /** The repository's root, for an example in another module, named by its path from there. */
    private static final Path REPOSITORY = Path.of("..");
    private static final Pattern MARKER =
            Pattern.compile("<!-- example: ([A-Za-z0-9/_.-]*[A-Za-z0-9]+\\.java)(?:#([a-z0-9-]+))? -->");

    @Test
    void every_java_example_is_a_compiled_class_of_this_module() throws Exception {
        List<String> lines = Readme.lines();
        List<String> problems = new ArrayList<>();
        int examples = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String indent = lines.get(i).substring(0, lines.get(i).indexOf('`'));
            Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : null;
            if (marker == null || !marker.matches()) {
                problems.add("README.md:" + (i + 1) + ": a java block without an example marker above it");
                continue;
            }
            int end = i + 1;
            while (!lines.get(end).equals(indent + "```")) {
                end++;
            }
            String shown = lines.subList(i + 1, end).stream()
                    .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .collect(Collectors.joining("\n"));
            Path file = marker.group(1).contains("/") ? REPOSITORY.resolve(marker.group(1))
                    : SOURCES.resolve(marker.group(1));
            if (!Files.exists(file)) {
                problems.add("README.md:" + (i + 1) + ": " + file + " does not exist");
                continue;
            }
            String expected = marker.group(2) == null ? wholeFile(file) : part(file, marker.group(2));
            if (!shown.equals(expected)) {
                problems.add("README.md:" + (i + 1) + ": the example differs from " + file
                        + (marker.group(2) == null ? "" : " part " + marker.group(2)) + "; it should read:\n" + expected);
            }
            examples++;
            i = end;
        }
        assertThat(problems).as("README examples").isEmpty();
        assertThat(examples).isPositive();
    }

    private static String wholeFile(Path file) throws Exception {
        String text = Files.readString(file).stripTrailing();
        return text.replaceFirst("^package [^;]+;\\n\\n", "");
    }

    private static String part(Path file, String name) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int begin = indexOf(lines, "// begin " + name, file);
        int end = indexOf(lines, "// end " + name, file);
        List<String> body = lines.subList(begin + 1, end);
        String code = String.join("\n", body);
        List<String> imports = lines.stream().filter(l -> l.startsWith("import ") && usedIn(l, code)).toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        String previous = null;
        for (String l : imports) {
            if (previous != null && previous.startsWith("import static ") && !l.startsWith("import static ")) {
                out.add("");
            }
            out.add(l);
            previous = l;
        }
        if (!imports.isEmpty()) {
            out.add("");
        }
        body.forEach(l -> out.add(l.isBlank() ? "" : l.substring(indent)));
        return String.join("\n", out);
    }

    /** Whether the part uses what an import line imports: its simple name appears in the code as a word. */
    private static boolean usedIn(String importLine, String code) {
        String imported = importLine.substring(importLine.lastIndexOf('.') + 1, importLine.length() - 1);
        return Pattern.compile("\\b" + Pattern.quote(imported) + "\\b").matcher(code).find();
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(file + " has no line " + marker);
    }
}
