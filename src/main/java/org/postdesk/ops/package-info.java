/**
 * Running Postdesk in production: Prometheus metrics (Micrometer), the {@code /metrics}, {@code /health} and
 * {@code /ready} endpoint on {@code http.listen} (the JDK's {@code com.sun.net.httpserver}, so no web server is
 * bundled), the health rules, and systemd's readiness and watchdog notifications.
 *
 * <p>Kept apart from {@code daemon}, which owns the lifecycle, because it changes for other reasons (metric
 * names, health rules, the service manager). It observes the message flow through small ports
 * ({@link org.postdesk.app.IngestObserver}, {@link org.postdesk.deadlines.SlaObserver}, decorators of {@link org.postdesk.outbound.SmtpGateway} and
 * {@link org.postdesk.ingest.FolderOpener}) and reads the store; it never changes what the flow does.
 * May use {@code config}, {@code store}, {@code sla}, {@code deadlines} (its observer port), {@code ingest} and
 * {@code outbound}; only {@code daemon} uses it.
 */
package org.postdesk.ops;
