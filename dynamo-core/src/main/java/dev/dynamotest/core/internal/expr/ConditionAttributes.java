package dev.dynamotest.core.internal.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the top-level attribute names a parsed condition reads, walking its syntax tree. */
final class ConditionAttributes {

    private final Set<String> names = new LinkedHashSet<>();

    private ConditionAttributes() {
    }

    static Set<String> of(Condition condition) {
        ConditionAttributes walker = new ConditionAttributes();
        walker.condition(condition);
        return walker.names;
    }

    private void condition(Condition c) {
        if (c instanceof Condition.And and) {
            condition(and.left());
            condition(and.right());
        } else if (c instanceof Condition.Or or) {
            condition(or.left());
            condition(or.right());
        } else if (c instanceof Condition.Not not) {
            condition(not.inner());
        } else if (c instanceof Condition.Parens parens) {
            condition(parens.inner());
        } else if (c instanceof Condition.Comparison cmp) {
            operands(List.of(cmp.left(), cmp.right()));
        } else if (c instanceof Condition.Between between) {
            operands(List.of(between.value(), between.low(), between.high()));
        } else if (c instanceof Condition.In in) {
            operand(in.value());
            operands(in.candidates());
        } else if (c instanceof Condition.AttributeExists exists) {
            path(exists.path());
        } else if (c instanceof Condition.AttributeType type) {
            operand(type.value());
        } else if (c instanceof Condition.BeginsWith begins) {
            operands(List.of(begins.value(), begins.prefix()));
        } else if (c instanceof Condition.Contains contains) {
            operands(List.of(contains.value(), contains.member()));
        }
    }

    private void operands(List<Operand> operands) {
        operands.forEach(this::operand);
    }

    private void operand(Operand o) {
        if (o instanceof Operand.PathOperand p) {
            path(p.path());
        } else if (o instanceof Operand.Size size) {
            operand(size.argument());
        } else if (o instanceof Operand.IfNotExists ifNotExists) {
            path(ifNotExists.path());
            operand(ifNotExists.fallback());
        } else if (o instanceof Operand.ListAppend append) {
            operand(append.first());
            operand(append.second());
        } else if (o instanceof Operand.Arithmetic arithmetic) {
            operand(arithmetic.left());
            operand(arithmetic.right());
        }
    }

    private void path(Path path) {
        names.add((String) path.elements().get(0));
    }
}
