package dev.dynamotest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the tables described in files, so that tests run against the definitions that are deployed.
 *
 * <p>Each file is a class-path resource (or, if no such resource exists, a file path relative to the
 * working directory) holding either
 * <ul>
 *   <li>CreateTable requests in the JSON that {@code aws dynamodb create-table --cli-input-json} takes: one
 *       object, or an array of them; or</li>
 *   <li>a CloudFormation template, YAML or JSON, whose {@code AWS::DynamoDB::Table} and
 *       {@code AWS::DynamoDB::GlobalTable} resources become tables (a global table in each replica's
 *       region). A resource without {@code TableName} is named after its logical id.</li>
 * </ul>
 *
 * <p>A template is evaluated as a stack creation would evaluate it: its {@code Conditions} ({@code Fn::Equals},
 * {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, {@code Condition}), a resource's {@code Condition}
 * attribute, {@code Fn::If}, {@code AWS::NoValue}, {@code Ref}, {@code Fn::Sub}, {@code Fn::Join},
 * {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap} and {@code Fn::Base64}, over the parameters'
 * defaults, {@link #parameters()} and the pseudo parameters. A function that needs a deployed stack
 * ({@code Fn::GetAtt}, {@code Fn::ImportValue}, a {@code Ref} to a resource other than a table, ...) fails the
 * test class with a message naming it, the resource and the property, except in the properties that are not
 * read ({@code SSESpecification}, {@code KinesisStreamSpecification}, {@code ContributorInsightsSpecification},
 * {@code ResourcePolicy}, {@code ImportSourceSpecification}, {@code ReplicaStreamSpecification}).
 *
 * <pre>{@code
 * @DynamoTablesFrom(value = "infra/template.yaml", parameters = "Stage=test")
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface DynamoTablesFrom {

    /** The files. */
    String[] value();

    /** Template parameter values, {@code Name=value}; a parameter left out takes its {@code Default}. */
    String[] parameters() default {};
}
