package dev.dynamotest.junit;

/** How much of the endpoint's state one test method sees of another's. */
public enum Isolation {

    /**
     * Before each test method the declared tables are emptied and seeded again, other tables are dropped
     * and the clock is reset. Test methods of the class must then not run concurrently.
     */
    PER_METHOD,

    /**
     * The declared tables are created and seeded once, before the class's first test, and the methods see
     * each other's writes and clock moves.
     */
    PER_CLASS
}
