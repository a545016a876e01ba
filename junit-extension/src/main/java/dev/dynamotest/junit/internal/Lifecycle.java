package dev.dynamotest.junit.internal;

import dev.dynamotest.faults.FaultScope;
import dev.dynamotest.faults.Faults;
import dev.dynamotest.junit.DynamoDax;
import dev.dynamotest.junit.DynamoDiagnostics;
import dev.dynamotest.junit.DynamoExtension;
import dev.dynamotest.junit.DynamoTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * What {@code DynamoExtension} does at each point of the JUnit lifecycle. State lives in the extension
 * store: the endpoint on the outermost class, declarations and the static fields filled on each class, the journal
 * mark on each method.
 */
public final class Lifecycle {

    private static final Namespace NAMESPACE = Namespace.create(DynamoExtension.class);
    private static final String RESOURCE = "resource";
    private static final String MARK = "mark";
    private static final String FAULTS = "faults";
    private static final String STATIC_FIELDS = "static fields:";

    private final ExtensionOptions options;

    /** The lifecycle of an extension configured by {@code options}, or by annotations alone if null. */
    public Lifecycle(ExtensionOptions options) {
        this.options = options;
    }

    public void beforeAll(ExtensionContext context) {
        if (defers(context)) {
            return;
        }
        refuseNestedDax(context);
        DynamoResource resource = resource(context);
        Class<?> testClass = context.getRequiredTestClass();
        context.getStore(NAMESPACE).put(STATIC_FIELDS + testClass.getName(), StaticFields.fill(testClass, resource));
        resource.prepareClass(declarations(context));
    }

    public void injectFields(Object testInstance, ExtensionContext context) {
        if (!defers(context)) {
            Injection.injectInstance(testInstance, resource(context));
        }
    }

    public void beforeEach(ExtensionContext context) {
        if (defers(context)) {
            return;
        }
        DynamoResource resource = resource(context);
        long mark = resource.startTest(declarations(context),
                context.getDisplayName() + " of " + context.getRequiredTestClass().getSimpleName());
        context.getStore(NAMESPACE).put(MARK, mark);
        Faults faults = resource.faults();
        if (faults == null) {
            DeclaredFaults.refuse(context);
        } else {
            FaultScope scope = faults.openScope();
            context.getStore(NAMESPACE).put(FAULTS, scope);
            try {
                DeclaredFaults.apply(faults, context);
            } catch (RuntimeException e) {
                scope.close();
                throw e;
            }
        }
    }

    public void afterEach(ExtensionContext context) {
        Long mark = context.getStore(NAMESPACE).get(MARK, Long.class);
        if (mark == null || defers(context)) {
            return;
        }
        DynamoResource resource = resource(context);
        resource.finishTest();
        Optional<Throwable> failure = context.getExecutionException();
        if (failure.isPresent()) {
            String report = FailureReport.render(resource.backend(), declarations(context),
                    resource.backend().journal().recordedSince(mark));
            failure.get().addSuppressed(new DynamoDiagnostics(report));
            context.publishReportEntry("dynamotest", report);
        }
        FaultScope faults = context.getStore(NAMESPACE).remove(FAULTS, FaultScope.class);
        if (faults != null) {
            faults.close();
        }
    }

    public boolean supports(Class<?> type, ExtensionContext context) {
        return Injection.supports(type) && !defers(context);
    }

    public Object resolve(Class<?> type, ExtensionContext context) {
        return Injection.value(type, resource(context));
    }

    private DynamoResource resource(ExtensionContext context) {
        SdkVersion.require();
        ExtensionContext outermost = outermost(context);
        Function<String, Optional<String>> parameters = key -> ExtensionOptions.parameter(key,
                outermost::getConfigurationParameter);
        Class<?> testClass = outermost.getRequiredTestClass();
        return outermost.getStore(NAMESPACE).getOrComputeIfAbsent(RESOURCE, key -> {
            DynamoResource resource = DynamoResource.start(
                    (options != null ? options : ExtensionOptions.none()).resolve(
                            AnnotationSupport.findAnnotation(testClass, DynamoTest.class).orElse(null),
                            AnnotationSupport.findAnnotation(testClass, DynamoDax.class)
                                    .map(dax -> DaxDeclaration.config(testClass, dax)).orElse(null),
                            parameters), parameters);
            RunningClasses.add(testClass, resource);
            return resource;
        }, DynamoResource.class);
    }

    /**
     * Refuses a {@code @Nested} class's own {@code @DynamoDax}: the node belongs to the outermost class's endpoint.
     */
    private static void refuseNestedDax(ExtensionContext context) {
        ExtensionContext outermost = outermost(context);
        Class<?> testClass = context.getRequiredTestClass();
        Optional<DynamoDax> own = AnnotationSupport.findAnnotation(testClass, DynamoDax.class);
        if (outermost != context && own.isPresent()
                && !own.equals(AnnotationSupport.findAnnotation(outermost.getRequiredTestClass(), DynamoDax.class))) {
            throw new MisuseException("@DynamoDax on " + testClass.getSimpleName() + ": a @Nested class shares the "
                    + "endpoint and DAX node of its outermost class; put @DynamoDax on "
                    + outermost.getRequiredTestClass().getSimpleName());
        }
    }

    private Declarations declarations(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Class<?> testClass = classContext.getRequiredTestClass();
        String key = "declarations:" + testClass.getName();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> {
            Settings settings = resource(classContext).settings();
            boolean outermost = outermost(classContext) == classContext;
            Declarations own = DeclarationReader.read(testClass, settings.region(),
                    outermost ? settings.tableFiles() : List.of());
            Optional<ExtensionContext> enclosing = classContext.getParent()
                    .filter(p -> p.getTestClass().isPresent());
            return enclosing.map(e -> declarations(e).plus(own)).orElse(own);
        }, Declarations.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private static ExtensionContext outermost(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get().getTestClass().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Whether this is the annotation's instance and a class in the chain registers a configured one. */
    private boolean defers(ExtensionContext context) {
        if (options != null) {
            return false;
        }
        List<Class<?>> classes = new ArrayList<>();
        for (Optional<ExtensionContext> c = Optional.of(classContext(context)); c.isPresent()
                && c.get().getTestClass().isPresent(); c = c.get().getParent()) {
            classes.add(c.get().getRequiredTestClass());
        }
        Collections.reverse(classes);
        for (Class<?> testClass : classes) {
            List<Field> registered = ReflectionSupport.findFields(testClass,
                    f -> DynamoExtension.class.isAssignableFrom(f.getType()) && f.isAnnotationPresent(RegisterExtension.class)
                            && Modifier.isStatic(f.getModifiers()),
                    HierarchyTraversalMode.TOP_DOWN);
            if (!registered.isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
