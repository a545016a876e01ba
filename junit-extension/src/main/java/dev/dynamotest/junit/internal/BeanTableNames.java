package dev.dynamotest.junit.internal;

import java.util.Optional;

/**
 * Names the table of an enhanced-client class that {@code @DynamoTablesFromBeans} declares, where a framework has its
 * own naming (Spring Cloud AWS's table-name resolver). Found with {@link java.util.ServiceLoader}; without one, or
 * when each answers empty, the table takes the class's simple name.
 */
public interface BeanTableNames {

    /** The table name for {@code beanClass} as {@code testClass} sees it, or empty to leave it to the default. */
    Optional<String> tableName(Class<?> testClass, Class<?> beanClass);
}
