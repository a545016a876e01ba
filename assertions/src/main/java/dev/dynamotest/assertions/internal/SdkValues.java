package dev.dynamotest.assertions.internal;

import dev.dynamotest.core.model.AttributeValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/** Converts between the SDK v2 attribute values and the core's. */
public final class SdkValues {

    private SdkValues() {
    }

    public static AttributeValue toCore(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        return switch (v.type()) {
            case S -> AttributeValue.string(v.s());
            case N -> AttributeValue.number(Values.canonical(new BigDecimal(v.n())));
            case B -> AttributeValue.binary(v.b().asByteArray());
            case BOOL -> AttributeValue.bool(v.bool());
            case NUL -> AttributeValue.nul();
            case M -> new AttributeValue.M(toCore(v.m()));
            case L -> new AttributeValue.L(v.l().stream().map(SdkValues::toCore).toList());
            case SS -> new AttributeValue.SS(new LinkedHashSet<>(v.ss()));
            case NS -> new AttributeValue.NS(new LinkedHashSet<>(v.ns().stream()
                    .map(n -> Values.canonical(new BigDecimal(n))).toList()));
            case BS -> new AttributeValue.BS(v.bs().stream().map(SdkBytes::asByteArray).toList());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("an attribute value of no known type: "
                    + v);
        };
    }

    public static Map<String, AttributeValue> toCore(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toCore(value)));
        return converted;
    }

    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (v instanceof AttributeValue.S s) {
            return b.s(s.value()).build();
        } else if (v instanceof AttributeValue.N n) {
            return b.n(n.value()).build();
        } else if (v instanceof AttributeValue.B bin) {
            return b.b(SdkBytes.fromByteArray(bin.value())).build();
        } else if (v instanceof AttributeValue.BOOL bool) {
            return b.bool(bool.value()).build();
        } else if (v instanceof AttributeValue.M m) {
            return b.m(toSdk(m.value())).build();
        } else if (v instanceof AttributeValue.L l) {
            return b.l(l.value().stream().map(SdkValues::toSdk).toList()).build();
        } else if (v instanceof AttributeValue.SS ss) {
            return b.ss(List.copyOf(ss.value())).build();
        } else if (v instanceof AttributeValue.NS ns) {
            return b.ns(List.copyOf(ns.value())).build();
        } else if (v instanceof AttributeValue.BS bs) {
            return b.bs(bs.value().stream().map(SdkBytes::fromByteArray).toList()).build();
        }
        return b.nul(true).build();
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> item) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }
}
