package org.postdesk.app;

import org.postdesk.store.Agent;
import org.postdesk.store.Mailbox;
import org.postdesk.store.Notification;
import org.postdesk.store.TicketRow;

/** A message proven to be an agent's answer to one of our notifications, with what it answers. */
record AgentReply(Agent agent, Notification notification, TicketRow ticket, Mailbox ticketMailbox) {
}
