package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.AccessKeys;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DAX endpoint's TCP side: a server socket whose accept thread gives each connection a thread of its own
 * (the DAX client keeps a few long-lived connections per node).
 */
public final class DaxEndpoint {

    private final ServerSocket server;
    private final DaxService service;
    private final DaxAuth auth;
    private final DaxConnection.Endpoint self;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private DaxEndpoint(ServerSocket server, DaxService service, DaxAuth auth, String host) {
        this.server = server;
        this.service = service;
        this.auth = auth;
        InetAddress address = advertised(server.getInetAddress());
        String advertisedHost = server.getInetAddress().isAnyLocalAddress() ? address.getHostAddress() : host;
        this.self = new DaxConnection.Endpoint(advertisedHost, address.getAddress(), server.getLocalPort());
        this.acceptor = new Thread(this::accept, "dynamotest-dax-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Binds the port (0 for one of the OS's choosing) and starts accepting; with access keys, connections must sign
     * with one of them, else any credentials are accepted.
     */
    public static DaxEndpoint start(DynamoEngine engine, String host, int port, Duration itemTtl, Duration queryTtl,
            long cacheBytes, AccessKeys accessKeys) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            DaxEndpoint endpoint = new DaxEndpoint(server, new DaxService(engine, itemTtl, queryTtl, cacheBytes),
                    new DaxAuth(accessKeys), host);
            endpoint.acceptor.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve DAX on " + host + ":" + port, e);
        }
    }

    /**
     * The address clients are told to connect to: the bound one, or this machine's own address when bound to every
     * interface (a wildcard address is no place to connect to).
     */
    private static InetAddress advertised(InetAddress bound) {
        if (!bound.isAnyLocalAddress()) {
            return bound;
        }
        try {
            return InetAddress.getLocalHost();
        } catch (java.net.UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String host() {
        return self.host();
    }

    /** The caches' counters so far. */
    public DaxStatistics statistics() {
        return new DaxStatistics(service.items().hits(), service.items().misses(), service.items().evictions(),
                service.queries().hits(), service.queries().misses(), service.queries().evictions());
    }

    /** Empties both caches. */
    public void clearCaches() {
        service.items().clear();
        service.queries().clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                open.add(socket);
                Thread thread = new Thread(() -> {
                    try {
                        new DaxConnection(socket, service, self, auth).run();
                    } finally {
                        open.remove(socket);
                    }
                }, "dynamotest-dax-connection");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    java.util.logging.Logger.getLogger(DaxEndpoint.class.getName())
                            .warning("DAX accept failed: " + e.getMessage());
                }
            }
        }
    }

    /** Stops accepting and closes every open connection. */
    public void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a connection the client may have closed already
            }
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
