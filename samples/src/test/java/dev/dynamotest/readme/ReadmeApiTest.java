package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamotest.assertions.DynamoAssertions;
import dev.dynamotest.core.DynamoEngine;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.junit.Dynamo;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's tables of the public API are the code's: the table of public types by package, and the table of the
 * {@code Dynamo} handle's methods.
 */
class ReadmeApiTest {

    @Test
    void the_types_table_lists_every_public_type_of_every_public_package() throws Exception {
        Map<String, Set<String>> documented = new TreeMap<>();
        for (List<String> row : Readme.tableAfter("### The types a test imports")) {
            String pkg = Readme.codeSpans(row.get(0)).get(0);
            documented.put(pkg, Readme.codeSpans(row.get(1)).stream()
                    .filter(s -> s.matches("[A-Z][A-Za-z0-9]*"))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Class<?> module : List.of(Dynamo.class, DynamoAssertions.class, Faults.class, DynamoEngine.class)) {
            publicTypes(classesRoot(module), actual);
        }
        assertThat(documented).isEqualTo(actual);
    }

    @Test
    void the_handle_table_lists_every_method_of_dynamo() {
        Set<String> documented = Readme.tableAfter("**The `Dynamo` handle**").stream()
                .map(row -> Readme.codeSpans(row.get(0)).get(0))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = Arrays.stream(Dynamo.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .map(ReadmeApiTest::signature)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(actual);
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The module's classes: a folder (a build of the module alone) or its jar (a reactor build past package). */
    private static Path classesRoot(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** Adds the public top-level types of every package in {@code root} whose name has no "internal". */
    private static void publicTypes(Path root, Map<String, Set<String>> into) throws Exception {
        List<String> entries;
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                entries = files.map(f -> root.relativize(f).toString().replace(File.separatorChar, '/')).toList();
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                entries = jar.stream().map(JarEntry::getName).toList();
            }
        }
        for (String entry : entries) {
            if (!entry.endsWith(".class") || entry.contains("$") || entry.contains("/internal/")
                    || entry.endsWith("package-info.class") || entry.startsWith("META-INF")) {
                continue;
            }
            String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
            Class<?> type = Class.forName(name, false, ReadmeApiTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                into.computeIfAbsent(type.getPackageName(), p -> new TreeSet<>()).add(type.getSimpleName());
            }
        }
    }
}
