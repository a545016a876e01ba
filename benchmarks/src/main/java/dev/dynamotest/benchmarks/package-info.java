/**
 * The benchmark of issue 4: a workload runner that drives any DynamoDB endpoint on a loopback address
 * through the AWS SDK v2 client, an HTTP floor endpoint, a Query scaling run and the report that turns
 * their results into ratios. {@code benchmarks/run.sh} runs them; the build only compiles them.
 */
package dev.dynamotest.benchmarks;
