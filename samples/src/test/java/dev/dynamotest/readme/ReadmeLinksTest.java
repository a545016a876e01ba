package dev.dynamotest.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's and docs' links lead somewhere inside the repository: a file that exists, a heading that exists. */
class ReadmeLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#+ (.*)$");

    @Test
    void links_resolve_inside_the_repository() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(Readme.FILE));
        try (Stream<Path> docs = Files.list(Readme.ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> problems = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Readme.lines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(lines.get(i));
                while (m.find()) {
                    String problem = check(page, m.group(1));
                    if (problem != null) {
                        problems.add(Readme.ROOT.relativize(page) + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static String check(Path page, String link) {
        if (link.contains("://")) {
            return "links outside the repository";
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!target.startsWith(Readme.ROOT)) {
            return "leaves the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (hash >= 0 && !anchors(target).contains(link.substring(hash + 1))) {
            return "no such heading in " + Readme.ROOT.relativize(target);
        }
        return null;
    }

    /** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : Readme.lines(page)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            Matcher m = HEADING.matcher(line);
            if (!inCode && m.matches()) {
                anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
