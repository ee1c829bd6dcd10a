/**
 * Business calendars and SLA deadlines: weekly opening hours in a time zone, holidays and one-off
 * exceptions, business-time arithmetic, SLA policies and the clock of each target of a ticket.
 *
 * <p>Pure functions of values and instants, with no I/O: this package imports only {@code java.*}
 * and {@code org.postdesk.tickets}; "now" is always a parameter (taken from an injected
 * {@link java.time.Clock} by the caller), so every result can be tested without servers.
 * {@code TicketsImportRuleTest} enforces the import rule. Everything here is immutable and
 * thread-safe.
 */
package org.postdesk.sla;
