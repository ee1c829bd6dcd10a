package org.postdesk.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.postdesk.config.ConfigException;
import org.postdesk.config.OpsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format), {@code GET /health} (JSON; 200 or 503 by {@link HealthCheck})
 * and {@code GET /ready} (200 once the daemon has started, 503 before and while it stops), on {@code http.listen}.
 * The JDK's server is enough for a scrape every few seconds and brings no dependency; it has no TLS or
 * authentication, which is why the default address is loopback.
 */
public final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    /** The threads answering requests; each may hold a store connection (/health and the store gauges read it). */
    public static final int THREADS = 2;
    private static final String METRICS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Metrics metrics;
    private final HealthCheck health;
    private final BooleanSupplier ready;

    private OpsServer(HttpServer server, Metrics metrics, HealthCheck health, BooleanSupplier ready) {
        this.server = server;
        this.metrics = metrics;
        this.health = health;
        this.ready = ready;
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "http-ops");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Listens on {@code http.listen} and serves until {@link #close()}.
     *
     * @throws ConfigException when the address cannot be bound (in use, or not this host's)
     */
    public static OpsServer start(OpsConfig config, Metrics metrics, HealthCheck health, BooleanSupplier ready) {
        InetSocketAddress address = new InetSocketAddress(config.httpHost(), config.httpPort());
        try {
            OpsServer ops = new OpsServer(HttpServer.create(address, 16), metrics, health, ready);
            ops.server.start();
            log.info("metrics and health on http://{}:{}/ (/metrics, /health, /ready)", config.httpHost(),
                    ops.port());
            return ops;
        } catch (IOException e) {
            throw new ConfigException("http.listen " + config.httpHost() + ":" + config.httpPort()
                    + ": cannot listen: " + e.getMessage() + " (choose a free port in http.listen, or set"
                    + " http.enabled=false)", e);
        }
    }

    /** The bound port (differs from the configured one when that was 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/metrics":
                    send(exchange, 200, METRICS_TYPE, metrics.scrape());
                    break;
                case "/health":
                    HealthReport report = health.check();
                    String body = HealthJson.MAPPER.writeValueAsString(report) + "\n";
                    send(exchange, report.up() ? 200 : 503, "application/json", body);
                    break;
                case "/ready":
                    boolean up = ready.getAsBoolean();
                    send(exchange, up ? 200 : 503, "text/plain; charset=utf-8", up ? "ready\n" : "starting or stopping\n");
                    break;
                default:
                    send(exchange, 404, "text/plain; charset=utf-8", "not found: try /metrics, /health or /ready\n");
            }
        } catch (RuntimeException e) {
            log.warn("http {}: {}", exchange.getRequestURI(), e.toString(), e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * Jackson's mapper, built on the first {@code /health} request (a holder class: the JVM loads it then). Building
     * it loads some 440 classes, 6 % of all the daemon loads, which every start paid for and most daemons, scraped
     * only at {@code /metrics}, never used (issue 16: start time and memory).
     */
    private static final class HealthJson {
        static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    }
}
