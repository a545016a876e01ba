package dev.dynamotest.junit;

/**
 * How the SDK clients that the extension injects reach the class's engine. In process is the default and the fast
 * way; HTTP is for a test of what only a real HTTP exchange shows. Code under test that builds its own client from
 * {@link Dynamo#endpoint()} goes over HTTP either way.
 */
public enum Transport {
    /** Through the engine's in-process SDK HTTP clients, with no socket: the SDK sees what it would over HTTP. */
    IN_PROCESS,
    /** Over HTTP to the class's endpoint, which then starts with the first client. */
    HTTP
}
