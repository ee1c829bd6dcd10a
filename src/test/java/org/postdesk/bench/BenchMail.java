package org.postdesk.bench;

/** One generated customer message: its Message-ID, its sender, whether it opens a ticket, its raw source. */
record BenchMail(String messageId, String from, boolean opensTicket, byte[] raw) {
}
