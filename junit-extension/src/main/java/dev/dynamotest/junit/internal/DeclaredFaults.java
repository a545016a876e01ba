package dev.dynamotest.junit.internal;

import dev.dynamotest.faults.Faults;
import dev.dynamotest.faults.InjectFault;
import dev.dynamotest.faults.internal.InjectFaultTranslator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The fault rules a test declares with {@link InjectFault}: those on its class and enclosing classes (outermost
 * first), then those on its method.
 */
final class DeclaredFaults {

    private DeclaredFaults() {
    }

    static void apply(Faults faults, ExtensionContext context) {
        List<Class<?>> classes = new ArrayList<>();
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent() && c.get().getTestClass().isPresent();
                c = c.get().getParent()) {
            if (c.get().getTestMethod().isEmpty()) {
                classes.add(c.get().getRequiredTestClass());
            }
        }
        Collections.reverse(classes);
        for (Class<?> testClass : classes) {
            for (InjectFault fault : AnnotationSupport.findRepeatableAnnotations(testClass, InjectFault.class)) {
                declare(faults, fault, testClass.getSimpleName());
            }
        }
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            for (InjectFault fault : AnnotationSupport.findRepeatableAnnotations(method.get(), InjectFault.class)) {
                declare(faults, fault, method.get().getDeclaringClass().getSimpleName() + "." + method.get().getName());
            }
        }
    }

    /** Fails a test that declares faults but runs against an endpoint elsewhere, where rules cannot act. */
    static void refuse(ExtensionContext context) {
        apply(null, context);
    }

    private static void declare(Faults faults, InjectFault fault, String source) {
        if (faults == null) {
            throw new MisuseException("@InjectFault(" + fault.value() + ") on " + source + " needs the endpoint in "
                    + "this JVM, but the tests run against an endpoint elsewhere (dynamotest.endpoint is set); "
                    + "add Faults.forClients().executionInterceptor() to your own client instead");
        }
        try {
            InjectFaultTranslator.declare(faults, fault, source);
        } catch (IllegalArgumentException e) {
            throw new MisuseException(e.getMessage(), e);
        }
    }
}
