/**
 * The satisfaction survey's rules (issue 12), plain Java: its scales, the signed rating tokens of its mail, and
 * how a customer's answer reads as a rating. The store and the mail side live in {@code store} and
 * {@code outbound}; the use cases in {@code ingest}.
 */
package org.postdesk.tickets.survey;
