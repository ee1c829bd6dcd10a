package org.postdesk.daemon;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postdesk.app.sender.SenderCheck;
import org.postdesk.config.SecretBox;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.store.TierRepository;

/** Puts the sandbox's support mailbox (and agents) into a fresh store and describes the setup. */
public final class Sandbox {
    private final Database db;
    private final SecretBox secrets;
    private final SandboxMailServer mail;
    private static final WeeklyHours SANDBOX_HOURS = WeeklyHours.parse("mon-fri 09:00-18:00");

    public Sandbox(Database db, SecretBox secrets, SandboxMailServer mail) {
        this.db = db;
        this.secrets = secrets;
        this.mail = mail;
    }

    public void provision() {
        String login = URLEncoder.encode(SandboxMailServer.SUPPORT, StandardCharsets.UTF_8);
        Mailbox support = new MailboxRepository(db.dsl()).add(new NewMailbox("support", SandboxMailServer.SUPPORT,
                "imap://" + login + "@127.0.0.1:" + mail.imapPort() + "/INBOX",
                "smtp://" + login + "@127.0.0.1:" + mail.smtpPort(),
                secrets.encrypt(SandboxMailServer.password(SandboxMailServer.SUPPORT)), null, null, false, null,
                "Support", "en"));
        // The sandbox's mail server writes no Received header with SMTP AUTH and signs nothing: its agents
        // are trusted on the token alone, which the banner says (issue 9). Never do this in production.
        new MailboxRepository(db.dsl()).setAgentSenderCheck(support.id(), SenderCheck.TOKEN_ONLY.option());
        AgentRepository agents = new AgentRepository(db.dsl());
        agents.add(new NewAgent("Alice Agent", List.of("alice@" + SandboxMailServer.DOMAIN), List.of(support.id())));
        long bob = agents.add(new NewAgent("Bob Agent", List.of("bob@" + SandboxMailServer.DOMAIN),
                List.of(support.id()))).id();
        shipCalendar(support.id(), bob);
    }

    /**
     * Office hours in this machine's zone and a 4-hour first-response target, so a newcomer writing in
     * the evening or at the weekend sees the after-hours acknowledgement, and Bob is the second line that
     * escalations go to (issue 11).
     */
    private void shipCalendar(long mailboxId, long secondLine) {
        Instant now = Instant.now();
        new CalendarRepository(db.dsl()).setHours(mailboxId, ZoneId.systemDefault(), SANDBOX_HOURS, now);
        new SlaPolicyRepository(db.dsl()).put(mailboxId, new ScopedPolicy(null, null, new SlaPolicy(Map.of(
                SlaTarget.FIRST_RESPONSE, Duration.ofHours(4), SlaTarget.NEXT_RESPONSE, Duration.ofHours(8),
                SlaTarget.RESOLUTION, Duration.ofHours(40)), SlaPolicy.DEFAULT_WARN_AT_PERCENT, Optional.of("HIGH"))), now);
        new TierRepository(db.dsl()).setTier(secondLine, TierRepository.SECOND_LINE);
    }

    public String banner(String dbUrl) {
        StringBuilder sb = new StringBuilder();
        sb.append("\nPostdesk sandbox is running.\n\n");
        sb.append(String.format("  SMTP  127.0.0.1:%d   (no TLS; log in with the account and password below)%n",
                mail.smtpPort()));
        sb.append(String.format("  IMAP  127.0.0.1:%d   (no TLS)%n%n", mail.imapPort()));
        sb.append(String.format("  %-24s %-10s %s%n", "account / login", "password", "role"));
        for (String account : SandboxMailServer.ACCOUNTS) {
            sb.append(String.format("  %-24s %-10s %s%n", account, SandboxMailServer.password(account), role(account)));
        }
        sb.append("\nWrite to ").append(SandboxMailServer.SUPPORT).append(" from any mail client as the customer,\n");
        sb.append("or from another terminal:\n\n");
        sb.append("  scripts/postdesk sandbox send --subject 'Printer on fire' --body 'Please help'\n\n");
        sb.append("Alice and Bob get a notification for each new ticket; replying to it from their mail client\n");
        sb.append("answers the customer (the first to reply takes the ticket; the other's reply is held).\n");
        sb.append("Commands such as #take, #close or #note go on lines of their own at the top or the bottom of a reply.\n\n");
        sb.append("Business hours: ").append(SANDBOX_HOURS).append(" (").append(ZoneId.systemDefault().getId())
                .append("); mail outside them gets the after-hours acknowledgement. Check it with:\n\n");
        sb.append("  POSTDESK_DB_URL=").append(dbUrl).append(" scripts/postdesk hours check support\n\n");
        sb.append("WARNING: this sandbox trusts agents' replies on their reply token alone\n");
        sb.append("(--agent-sender-check token-only): anybody holding a notification can act as the agent.\n");
        sb.append("A real mailbox asks for proof of the sender (DKIM, or your mail server's word) or a\n");
        sb.append("confirmation; see \"Replying\" in the README.\n\n");
        sb.append("The daemon's log below shows each ticket as it is opened. To look at them from another terminal:\n\n");
        sb.append("  POSTDESK_DB_URL=").append(dbUrl).append(" scripts/postdesk ticket list\n");
        sb.append("  POSTDESK_DB_URL=").append(dbUrl).append(" scripts/postdesk ticket show NUMBER\n");
        return sb.toString();
    }

    private static String role(String account) {
        if (account.equals(SandboxMailServer.SUPPORT)) {
            return "the support mailbox Postdesk watches";
        }
        return account.startsWith("customer") ? "a customer" : "an agent of the support mailbox";
    }
}
