package dev.dynamotest.junit.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The static fields that one test class's run filled. A static field holds one value for the whole JVM, so it
 * belongs to one run at a time: the run that filled it clears it when the class ends, so that the next class
 * (one that shares the field through a common base class) gets its own endpoint's clients, and a class that
 * wants a field while another class running at the same time holds it is refused instead of talking to the
 * other class's endpoint. Fields that already held a value of the user's own are left alone.
 */
@SuppressWarnings("deprecation")
final class StaticFields implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** Which run holds each static field that the extension filled; a field is absent once cleared. */
    private static final Map<Field, StaticFields> HOLDERS = new ConcurrentHashMap<>();

    private final Class<?> testClass;
    private final DynamoResource resource;
    private final List<Field> held = new ArrayList<>();

    private StaticFields(Class<?> testClass, DynamoResource resource) {
        this.testClass = testClass;
        this.resource = resource;
    }

    /**
     * Fills the static fields of {@code testClass} and its superclasses that are still {@code null} with values
     * of {@code resource}; fails, filling none, if another class's run holds one of them.
     */
    static StaticFields fill(Class<?> testClass, DynamoResource resource) {
        StaticFields fields = new StaticFields(testClass, resource);
        try {
            for (Field field : Injection.fields(testClass, field -> Modifier.isStatic(field.getModifiers()))) {
                fields.claim(field);
            }
        } catch (RuntimeException e) {
            fields.close();
            throw e;
        }
        return fields;
    }

    private void claim(Field field) {
        StaticFields holder = HOLDERS.putIfAbsent(field, this);
        if (holder != null) {
            if (holder.resource == resource) {
                return;
            }
            throw new MisuseException("static field " + field.getName() + " of " + field.getDeclaringClass()
                    .getSimpleName() + " holds the endpoint of " + holder.testClass.getSimpleName() + ", which runs "
                    + "at the same time as " + testClass.getSimpleName() + ", and a static field can only hold one "
                    + "endpoint's value; make it an instance field or a parameter of the test methods, or declare "
                    + "it in each test class");
        }
        try {
            field.setAccessible(true);
            if (field.get(null) != null) {
                HOLDERS.remove(field, this);
                return;
            }
            held.add(field);
            field.set(null, Injection.value(field.getType(), resource));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MisuseException("field " + field.getName() + " of " + testClass.getSimpleName()
                    + " cannot be injected (" + e + "); make it non-final and accessible", e);
        }
    }

    /** Clears the fields this run filled and lets other runs fill them. */
    @Override
    public void close() {
        for (Field field : held) {
            try {
                field.set(null, null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("static field " + field.getName() + " of "
                        + field.getDeclaringClass().getSimpleName() + " was filled but cannot be cleared", e);
            } finally {
                HOLDERS.remove(field, this);
            }
        }
        held.clear();
    }
}
