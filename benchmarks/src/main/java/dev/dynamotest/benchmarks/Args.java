package dev.dynamotest.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of a benchmark main class, with defaults and clear errors. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    static Args parse(String[] args) {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            parsed.values.put(args[i].substring(2), args[i + 1]);
        }
        return parsed;
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, not " + value);
        }
    }

    /** A comma-separated list of whole numbers, such as {@code --threads 1,8}. */
    List<Long> numbers(String name, String fallback) {
        List<Long> list = new ArrayList<>();
        for (String part : text(name, fallback).split(",")) {
            try {
                list.add(Long.parseLong(part.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " takes numbers separated by commas, not " + part);
            }
        }
        return list;
    }
}
