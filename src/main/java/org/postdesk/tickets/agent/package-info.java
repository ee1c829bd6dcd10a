/**
 * Agents working from their mail client: cutting a reply down to what the agent typed
 * ({@link org.postdesk.tickets.agent.ReplyTrimmer}), reading the {@code #command} lines at its top
 * ({@link org.postdesk.tickets.agent.CommandParser}), the signed reply token that proves a reply
 * answers one of our notifications ({@link org.postdesk.tickets.agent.ReplyTokenCodec}), and the
 * rule that decides whether a reply may be relayed to the customer
 * ({@link org.postdesk.tickets.agent.ReplyPolicy}).
 *
 * <p>Plain Java with no I/O: this package imports only {@code java.*} and, for the HMAC of the
 * reply token, {@code javax.crypto.*} (part of the JDK). {@code AgentImportRuleTest} enforces
 * this. Everything here is immutable and therefore thread-safe.
 */
package org.postdesk.tickets.agent;
