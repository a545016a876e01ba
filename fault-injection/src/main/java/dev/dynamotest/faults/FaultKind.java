package dev.dynamotest.faults;

/** The faults {@link InjectFault} declares, one per verb of {@link Faults} (three for the throttling errors). */
public enum FaultKind {
    /** ProvisionedThroughputExceededException: {@link Faults#throttle}. */
    THROTTLE,
    /** ThrottlingException: {@link Faults#throttle}, {@link ThrottleError#THROTTLING_EXCEPTION}. */
    THROTTLING_EXCEPTION,
    /** RequestLimitExceeded: {@link Faults#throttle}, {@link ThrottleError#REQUEST_LIMIT_EXCEEDED}. */
    REQUEST_LIMIT_EXCEEDED,
    /** InternalServerError (500): {@link Faults#internalServerError}. */
    INTERNAL_SERVER_ERROR,
    /** ServiceUnavailable (503): {@link Faults#serviceUnavailable}. */
    SERVICE_UNAVAILABLE,
    /** A delay of {@code millis}: {@link Faults#delay}. */
    LATENCY,
    /** A connection closed without a response: {@link Faults#dropConnection}. */
    DROP_CONNECTION,
    /** A {@code fraction} of a batch unprocessed: {@link Faults#unprocessed}. */
    UNPROCESSED,
    /** A transaction conflict: {@link Faults#transactionConflict}. */
    TRANSACTION_CONFLICT,
    /** TransactionInProgressException for a repeated ClientRequestToken: {@link Faults#transactionInProgress}. */
    TRANSACTION_IN_PROGRESS,
    /** Stream records readable {@code millis} after their change: {@link EngineFaults#streamLag} (engine only). */
    STREAM_LAG,
    /** Stream records held back for the whole test: {@link EngineFaults#holdStream} (engine only). */
    STREAM_HOLD
}
