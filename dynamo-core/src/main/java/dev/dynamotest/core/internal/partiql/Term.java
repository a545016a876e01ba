package dev.dynamotest.core.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;

/** An operand in a statement: an attribute path, a value (an AttributeValue in its wire JSON), or a function. */
public sealed interface Term {

    /** An attribute of the item. */
    record Path(DocumentPath path) implements Term {
    }

    /** A literal or a parameter, as a wire AttributeValue. */
    record Value(JsonNode value) implements Term {
    }

    /** {@code size(path)}. */
    record Size(DocumentPath path) implements Term {
    }

    /** An update value: {@code list_append(a, b)}, {@code set_add(a, b)}, {@code set_delete(a, b)}. */
    record Call(String function, Term first, Term second) implements Term {
    }

    /** An update value {@code a + b} or {@code a - b}. */
    record Arithmetic(Term left, boolean plus, Term right) implements Term {
    }
}
