package dev.dynamotest.junit.internal;

import dev.dynamotest.junit.DynamoSeed;
import dev.dynamotest.junit.DynamoTable;
import dev.dynamotest.junit.DynamoTablesFrom;
import dev.dynamotest.junit.DynamoTablesFromBeans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads the tables and seed items one test class declares with annotations (not those of enclosing classes). */
final class DeclarationReader {

    private DeclarationReader() {
    }

    /** The declarations of the class; {@code extraTableFiles} come from the extension's builder. */
    static Declarations read(Class<?> testClass, String classRegion, List<String> extraTableFiles) {
        List<TableDeclaration> tables = new ArrayList<>();
        for (DynamoTable table : AnnotationSupport.findRepeatableAnnotations(testClass, DynamoTable.class)) {
            tables.add(AnnotatedTables.read(table, testClass));
        }
        AnnotationSupport.findAnnotation(testClass, DynamoTablesFromBeans.class)
                .ifPresent(beans -> tables.addAll(BeanTables.read(beans, testClass)));
        for (String file : extraTableFiles) {
            tables.addAll(TableFiles.read(file, Map.of(), classRegion, testClass, "DynamoExtension.tablesFrom"));
        }
        Optional<DynamoTablesFrom> files = AnnotationSupport.findAnnotation(testClass, DynamoTablesFrom.class);
        if (files.isPresent()) {
            Map<String, String> parameters = parameters(files.get(), testClass);
            for (String file : files.get().value()) {
                tables.addAll(TableFiles.read(file, parameters, classRegion, testClass, "@DynamoTablesFrom"));
            }
        }
        List<SeedDeclaration> seeds = new ArrayList<>();
        for (DynamoSeed seed : AnnotationSupport.findRepeatableAnnotations(testClass, DynamoSeed.class)) {
            SeedFiles.read(seed, testClass).forEach(s -> seeds.add(s.inRegion(classRegion)));
        }
        return Declarations.none().plus(new Declarations(
                tables.stream().map(t -> t.inRegion(classRegion)).toList(), seeds));
    }

    private static Map<String, String> parameters(DynamoTablesFrom files, Class<?> testClass) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String parameter : files.parameters()) {
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                throw new MisuseException("@DynamoTablesFrom on " + testClass.getSimpleName() + ": parameter \""
                        + parameter + "\" is not Name=value");
            }
            parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        return parameters;
    }
}
