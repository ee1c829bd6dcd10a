/**
 * The SLA use cases (issue 11): keeping each ticket's stored due times current, the in-daemon
 * sweeper ({@code sla-sweeper}) that sends warnings and escalations exactly once, and manual
 * escalation. Each runs in the caller's (or its own) store transaction; the rules of time live in
 * the pure {@code sla} package.
 *
 * <p>May use {@code sla}, {@code tickets}, {@code store}, {@code outbound} and the agent notices of
 * {@code ingest}.
 */
package org.postdesk.deadlines;
