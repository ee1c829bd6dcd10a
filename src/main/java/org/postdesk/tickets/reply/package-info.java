/**
 * What a reply mail adds to its thread, for agents' and customers' mail alike
 * ({@link org.postdesk.tickets.reply.ReplyExtractor}): where the quote starts
 * ({@link org.postdesk.tickets.reply.QuoteHeaders}), which lines are our own notification's
 * frame ({@link org.postdesk.tickets.reply.NoticeFrame}), and how the reply was written
 * ({@link org.postdesk.tickets.reply.ReplyShape}).
 *
 * <p>Plain Java with no I/O: this package imports only {@code java.*} ({@code TicketsImportRuleTest}).
 * Everything here is immutable and therefore thread-safe.
 */
package org.postdesk.tickets.reply;
