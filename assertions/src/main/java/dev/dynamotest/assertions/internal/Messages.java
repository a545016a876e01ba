package dev.dynamotest.assertions.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.internal.Failures;

/** Builds failures in the house layout: the location in brackets on the first line, then the message. */
public final class Messages {

    /** How many entries a list in a message shows before it is summarised. */
    public static final int SHOWN = 10;

    private Messages() {
    }

    public static AssertionError failure(String where, String message) {
        return Failures.instance().failure("[" + where + "]\n" + message);
    }

    /** The lines, each indented by two spaces, at most {@link #SHOWN} of them and a count of the rest. */
    public static String list(List<String> lines) {
        String shown = lines.stream().limit(SHOWN).map(l -> Render.indent(l, 2)).collect(Collectors.joining("\n"));
        return lines.size() <= SHOWN ? shown : shown + "\n  ... and " + (lines.size() - SHOWN) + " more";
    }

    /** {@code 1 item}, {@code 2 items}. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
