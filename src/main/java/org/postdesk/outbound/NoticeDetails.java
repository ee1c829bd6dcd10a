package org.postdesk.outbound;

import java.util.List;

/** The per-template part of {@link AgentNoticeModel}, one record per template. */
public final class NoticeDetails {
    private NoticeDetails() {
    }

    /**
     * {@code notification.ftl}: a new ticket ({@code newTicket}) or a customer follow-up. {@code text} is
     * the whole message; {@code newText} what the customer added (for a follow-up the quoted history is
     * folded away) and {@code hiddenLines} how many non-blank lines of {@code text} it leaves out.
     */
    public record NewMessage(boolean newTicket, String fromName, String fromAddress, String text,
                             List<String> attachments, String newText, int hiddenLines) {
        public NewMessage {
            attachments = List.copyOf(attachments);
            if (hiddenLines < 0) {
                throw new IllegalArgumentException("hiddenLines must be >= 0, was " + hiddenLines);
            }
        }

        /** The whole message shown, nothing folded. */
        public NewMessage(boolean newTicket, String fromName, String fromAddress, String text,
                          List<String> attachments) {
            this(newTicket, fromName, fromAddress, text, attachments, text, 0);
        }
    }

    /**
     * {@code held.ftl}: another agent holds the ticket. {@code heldText} is the reply kept back (empty
     * when only commands were refused), {@code refused} the commands not run.
     */
    public record Held(String ownerName, String ownerAddress, String since, boolean stealAllowed, String heldText,
                       List<String> refused) {
        public Held {
            refused = List.copyOf(refused);
        }
    }

    /** {@code stale.ftl}: what arrived since the notification the agent answered. */
    public record Stale(List<String> newMessages, String heldText, List<String> refused) {
        public Stale {
            newMessages = List.copyOf(newMessages);
            refused = List.copyOf(refused);
        }
    }

    /** {@code command-error.ftl}: every bad line, and every valid command. */
    public record CommandErrors(List<String> errors, List<String> commands) {
        public CommandErrors {
            errors = List.copyOf(errors);
            commands = List.copyOf(commands);
        }
    }

    /** {@code idle-release.ftl}: the owner was idle too long. */
    public record IdleRelease(String previousOwner, String idleFor) {
    }

    /**
     * {@code handover.ftl}: who owns the ticket changed. {@code change} is {@link #ASSIGNED_TO_YOU} (the
     * agent now owns it; {@code text} is the customer's latest message), {@link #TAKEN_FROM_YOU} (another
     * agent took it over), {@link #OWNER_DISABLED} (its owner was disabled, it is free; {@code text} as for
     * an assignment) or {@link #RELEASED} (its owner or an admin let it go; {@code text} likewise). {@code by} names who did it: an agent, or {@code admin:LOGIN} on the command line.
     */
    public record Handover(String change, String by, String text) {
        public static final String ASSIGNED_TO_YOU = "ASSIGNED_TO_YOU";
        public static final String TAKEN_FROM_YOU = "TAKEN_FROM_YOU";
        public static final String OWNER_DISABLED = "OWNER_DISABLED";
        public static final String RELEASED = "RELEASED";
    }

    /**
     * {@code delivery-failed.ftl}: mail to the customer was refused or bounced. {@code kind} is
     * {@code ACK} (the acknowledgement) or {@code REPLY} (an agent's answer); {@code reason} is the mail
     * server's own words.
     */
    public record DeliveryFailed(String kind, String recipients, String reason) {
    }

    /**
     * {@code empty-reply.ftl}: an agent's reply held neither text for the customer nor a command, so
     * nothing was done; {@code attachments} names what it carried (attachments alone are not sent).
     */
    public record EmptyReply(List<String> attachments) {
        public EmptyReply {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * {@code inline-check.ftl}: the agent's reply has text below the quoted notification that may be an
     * answer written between the quoted lines or a signature or footer, so it was held; {@code heldText}
     * is exactly what {@code #send} sends, {@code refused} the commands not run.
     */
    public record InlineCheck(String heldText, List<String> refused) {
        public InlineCheck {
            refused = List.copyOf(refused);
        }
    }

    /**
     * {@code withheld.ftl}: the reply was not sent because a reply token was still in the mail for the
     * customer; {@code attachment} names the attachment it was in ("" when in the text), {@code heldText} is
     * the reply kept back.
     */
    public record Withheld(String attachment, String heldText) {
    }

    /**
     * {@code confirm.ftl}: a reply in the agent's name arrived without proof that the agent sent it, so it is
     * held: {@code heldText} is what {@code #send} would send (commands included), {@code from} the sender
     * as the mail gave it, {@code expiresIn} and {@code expiresAt} when the hold lapses.
     */
    public record Confirm(String heldText, String from, String expiresIn, String expiresAt) {
    }

    /** {@code send-result.ftl}: why a {@code #send} did nothing. */
    public record SendResult(String problem) {
    }

    /** {@code answer-list.ftl}: the canned answers an agent can insert with {@code #answer NAME} ({@code #answers}). */
    public record AnswerList(List<String> names) {
        public AnswerList {
            names = List.copyOf(names);
        }
    }
}
