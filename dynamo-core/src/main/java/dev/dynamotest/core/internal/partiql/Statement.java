package dev.dynamotest.core.internal.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A parsed PartiQL statement, its parameters bound. */
public sealed interface Statement {

    /** The table the statement names. */
    String table();

    /** Whether the statement reads (SELECT, EXISTS) rather than writes. */
    boolean reads();

    /**
     * {@code SELECT projection FROM table[.index] [WHERE ...] [ORDER BY path [ASC|DESC]]}; {@code exists} when
     * it is the argument of a transaction's {@code EXISTS(...)}.
     */
    record Select(List<DocumentPath> projection, String table, String index, Predicate where, DocumentPath orderBy,
            boolean descending, boolean exists) implements Statement {

        public Select {
            projection = List.copyOf(projection);
        }

        /** A SELECT reads; an EXISTS is a transaction's condition check, among its writes. */
        @Override
        public boolean reads() {
            return !exists;
        }
    }

    /** {@code INSERT INTO table VALUE {item}}. */
    record Insert(String table, ObjectNode item) implements Statement {

        @Override
        public boolean reads() {
            return false;
        }
    }

    /** {@code UPDATE table SET/REMOVE ... WHERE ... [RETURNING ...]}. */
    record Update(String table, List<Assignment> set, List<DocumentPath> remove, Predicate where,
            String returnValues) implements Statement {

        public Update {
            set = List.copyOf(set);
            remove = List.copyOf(remove);
        }

        @Override
        public boolean reads() {
            return false;
        }
    }

    /** {@code DELETE FROM table WHERE ... [RETURNING ALL OLD *]}. */
    record Delete(String table, Predicate where, String returnValues) implements Statement {

        @Override
        public boolean reads() {
            return false;
        }
    }

    /** One {@code SET path = value} of an UPDATE. */
    record Assignment(DocumentPath path, Term value) {
    }
}
