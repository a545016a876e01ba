package dev.dynamotest.core.internal.expr;

import dev.dynamotest.core.DynamoException;
import java.util.List;

/** Rejects document paths that overlap (one contains the other) or conflict (map key versus list index). */
final class PathConflicts {

    private PathConflicts() {
    }

    /** Checks every pair of paths, in order, as DynamoDB does for update and projection expressions. */
    static void check(List<Path> paths, String kind) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = 0; j < i; j++) {
                check(paths.get(j), paths.get(i), kind);
            }
        }
    }

    private static void check(Path one, Path two, String kind) {
        int common = Math.min(one.size(), two.size());
        for (int k = 0; k < common; k++) {
            Object a = one.element(k);
            Object b = two.element(k);
            if (a.equals(b)) {
                continue;
            }
            if (a.getClass() != b.getClass()) {
                throw twoPaths(kind, "conflict", one, two);
            }
            return;
        }
        throw twoPaths(kind, "overlap", one, two);
    }

    private static DynamoException twoPaths(String kind, String what, Path one, Path two) {
        return Errors.invalid(kind, "Two document paths " + what
                + " with each other; must remove or rewrite one of these paths; path one: " + one
                + ", path two: " + two);
    }
}
