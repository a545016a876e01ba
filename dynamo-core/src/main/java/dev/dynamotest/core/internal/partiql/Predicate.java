package dev.dynamotest.core.internal.partiql;

import java.util.List;

/** A WHERE condition, as a tree. */
public sealed interface Predicate {

    /** Both sides hold. */
    record And(Predicate left, Predicate right) implements Predicate {
    }

    /** Either side holds. */
    record Or(Predicate left, Predicate right) implements Predicate {
    }

    /** The condition does not hold. */
    record Not(Predicate operand) implements Predicate {
    }

    /** {@code left op right}, the operator as DynamoDB's expressions write it ({@code =}, {@code <>}, ...). */
    record Compare(Term left, String operator, Term right) implements Predicate {
    }

    /** {@code operand BETWEEN low AND high}. */
    record Between(Term operand, Term low, Term high) implements Predicate {
    }

    /** {@code operand IN [values]}. */
    record In(Term operand, List<Term> values) implements Predicate {

        public In {
            values = List.copyOf(values);
        }
    }

    /** {@code path IS [NOT] MISSING} ({@code missing}) or {@code path IS [NOT] NULL}. */
    record Is(DocumentPath path, boolean missing, boolean negated) implements Predicate {
    }

    /** A boolean function: {@code begins_with}, {@code contains}, {@code attribute_type}. */
    record Function(String name, DocumentPath path, Term argument) implements Predicate {
    }

    /** The conjuncts of an AND chain (the predicate itself when it is no AND). */
    static List<Predicate> conjuncts(Predicate predicate) {
        java.util.ArrayList<Predicate> all = new java.util.ArrayList<>();
        collect(predicate, all);
        return all;
    }

    /** The top-level attributes the predicate reads. */
    static java.util.Set<String> attributes(Predicate predicate) {
        java.util.Set<String> names = new java.util.HashSet<>();
        attributes(predicate, names);
        return names;
    }

    private static void attributes(Predicate predicate, java.util.Set<String> into) {
        if (predicate instanceof And and) {
            attributes(and.left(), into);
            attributes(and.right(), into);
        } else if (predicate instanceof Or or) {
            attributes(or.left(), into);
            attributes(or.right(), into);
        } else if (predicate instanceof Not not) {
            attributes(not.operand(), into);
        } else if (predicate instanceof Compare c) {
            term(c.left(), into);
            term(c.right(), into);
        } else if (predicate instanceof Between b) {
            term(b.operand(), into);
            term(b.low(), into);
            term(b.high(), into);
        } else if (predicate instanceof In in) {
            term(in.operand(), into);
        } else if (predicate instanceof Is is) {
            into.add(is.path().attribute());
        } else if (predicate instanceof Function f) {
            into.add(f.path().attribute());
            term(f.argument(), into);
        }
    }

    private static void term(Term term, java.util.Set<String> into) {
        if (term instanceof Term.Path p) {
            into.add(p.path().attribute());
        } else if (term instanceof Term.Size s) {
            into.add(s.path().attribute());
        }
    }

    private static void collect(Predicate predicate, List<Predicate> into) {
        if (predicate instanceof And and) {
            collect(and.left(), into);
            collect(and.right(), into);
        } else if (predicate != null) {
            into.add(predicate);
        }
    }
}
