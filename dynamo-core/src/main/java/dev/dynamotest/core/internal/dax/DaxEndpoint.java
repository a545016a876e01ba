package dev.dynamotest.core.internal.dax;

import dev.dynamotest.core.AccessKeys;
import dev.dynamotest.core.DaxStaleRead;
import dev.dynamotest.core.DaxStatistics;
import dev.dynamotest.core.DynamoEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The DAX endpoint's TCP side: a server socket whose accept thread gives each connection a thread of its own
 * (the DAX client keeps a few long-lived connections per node).
 */
public final class DaxEndpoint {

    private static final Logger LOG = Logger.getLogger(DaxEndpoint.class.getName());

    private final DaxService service;
    private final DaxAuth auth;
    private final DaxConnection.Endpoint self;
    private final InetSocketAddress bound;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final SSLContext tls;
    private ServerSocket server;
    private Thread acceptor;

    private DaxEndpoint(ServerSocket server, DaxService service, DaxAuth auth, String host, SSLContext tls) {
        this.server = server;
        this.tls = tls;
        this.service = service;
        this.auth = auth;
        this.bound = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
        InetAddress address = advertised(server.getInetAddress());
        String advertisedHost = server.getInetAddress().isAnyLocalAddress() ? address.getHostAddress() : host;
        this.self = new DaxConnection.Endpoint(advertisedHost, address.getAddress(), server.getLocalPort());
        this.acceptor = acceptor(server);
    }

    private Thread acceptor(ServerSocket socket) {
        Thread thread = new Thread(() -> accept(socket), "dynamotest-dax-" + socket.getLocalPort());
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Binds the port (0 for one of the OS's choosing) and starts accepting; with access keys, connections must sign
     * with one of them, else any credentials are accepted.
     */
    public static DaxEndpoint start(DynamoEngine engine, String host, int port, Duration itemTtl, Duration queryTtl,
            long cacheBytes, AccessKeys accessKeys) {
        return start(engine, host, port, itemTtl, queryTtl, cacheBytes, accessKeys, null);
    }

    /** As {@link #start(DynamoEngine, String, int, Duration, Duration, long, AccessKeys)}, over TLS when given. */
    public static DaxEndpoint start(DynamoEngine engine, String host, int port, Duration itemTtl, Duration queryTtl,
            long cacheBytes, AccessKeys accessKeys, SSLContext tls) {
        try {
            ServerSocket server = bind(tls, new InetSocketAddress(InetAddress.getByName(host), port));
            DaxEndpoint endpoint = new DaxEndpoint(server, new DaxService(engine, itemTtl, queryTtl, cacheBytes),
                    new DaxAuth(accessKeys), host, tls);
            endpoint.acceptor.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve DAX on " + host + ":" + port, e);
        }
    }

    /** A listening socket, plain or, with a TLS context, one whose connections start with a TLS handshake. */
    private static ServerSocket bind(SSLContext tls, InetSocketAddress address) throws IOException {
        ServerSocket socket = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address);
        return socket;
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
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }

    public int port() {
        return self.port();
    }

    public String host() {
        return self.host();
    }

    /** Whether connections are served over TLS. */
    public boolean isTls() {
        return tls != null;
    }

    /** The caches' counters so far. */
    public DaxStatistics statistics() {
        return new DaxStatistics(service.items().hits(), service.items().misses(), service.items().evictions(),
                service.queries().hits(), service.queries().misses(), service.queries().evictions(),
                service.items().staleHits(), service.queries().staleHits());
    }

    /** The last stale reads of both caches, oldest first. */
    public List<DaxStaleRead> staleReads() {
        return service.staleReads().list();
    }

    /** Empties both caches. */
    public void clearCaches() {
        service.items().clear();
        service.queries().clear();
    }

    private void accept(ServerSocket server) {
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
                    LOG.warning("DAX accept failed: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Listens again on the same port after {@link #stop()}, with empty caches, as a restarted node comes back.
     *
     * @throws UncheckedIOException when the port was taken in the meantime
     */
    public synchronized void restart() {
        if (!server.isClosed()) {
            return;
        }
        try {
            server = bind(tls, bound);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve DAX again on " + bound, e);
        }
        clearCaches();
        acceptor = acceptor(server);
        acceptor.start();
    }

    public synchronized boolean isRunning() {
        return !server.isClosed();
    }

    /** Stops for good: {@link #stop()}, and the caches stop learning from the engine's changes. */
    public void close() {
        try {
            stop();
        } finally {
            service.close();
        }
    }

    /** Stops accepting and closes every open connection: clients see their connections reset, then refused. */
    public synchronized void stop() {
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
