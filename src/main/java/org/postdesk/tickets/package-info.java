/**
 * The help-desk domain: ticket numbers with check digits, subject tags, ticket states, threading
 * (rules 1-4 of DESIGN.md) and loop protection.
 *
 * <p>Plain Java with no I/O: this package imports only {@code java.*}. When it needs data from
 * the store it declares a small port (for example {@link org.postdesk.tickets.TicketLookup}) that
 * {@code store} implements; {@code ingest} fills {@link org.postdesk.tickets.MessageFacts} from a
 * parsed message. {@code TicketsImportRuleTest} enforces the import rule.
 */
package org.postdesk.tickets;
