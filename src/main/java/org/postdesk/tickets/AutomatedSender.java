package org.postdesk.tickets;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Recognises senders that are machines or ourselves, from the address alone. */
final class AutomatedSender {

    private final Set<String> ownAddresses;

    AutomatedSender(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses;
    }

    /** The reason the sender is automated, or empty for what may be a person. */
    Optional<String> reason(String fromAddress) {
        String address = addrSpec(fromAddress);
        if (address.isEmpty() || address.equals("<>")) {
            return Optional.of("empty sender (bounce)");
        }
        if (ownAddresses.contains(address)) {
            return Optional.of("sender " + address + " is our own address");
        }
        if (machineLocalPart(address)) {
            return Optional.of("sender " + address + " is a mailer");
        }
        return isListAddress(address) ? Optional.of("sender " + address + " is a list address") : Optional.empty();
    }

    // Tolerates "Name <a@b>" although callers should pass the bare address.
    static String addrSpec(String from) {
        if (from == null) {
            return "";
        }
        String text = from.strip().toLowerCase(Locale.ROOT);
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        if (open >= 0 && close > open + 1) {
            return text.substring(open + 1, close).strip();
        }
        return text;
    }

    /**
     * The addresses list software sends from: {@code list-admin@}, {@code list-request@},
     * {@code list-bounces@} (Mailman), {@code owner-list@} (Majordomo, LISTSERV, Sympa).
     */
    static boolean isListAddress(String address) {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        int plus = local.indexOf('+');
        String base = plus < 0 ? local : local.substring(0, plus);
        return base.endsWith("-admin") || base.endsWith("-request") || base.endsWith("-bounces")
                || base.endsWith("-bounce") || base.startsWith("owner-") || base.endsWith("-owner");
    }

    // mailer-daemon, postmaster, and the no-reply family in its spellings
    // (no-reply, no_reply, noreply+tag, do-not-reply, donotreply-billing, ...).
    private static boolean machineLocalPart(String address) {
        int at = address.lastIndexOf('@');
        String local = at < 0 ? address : address.substring(0, at);
        int plus = local.indexOf('+');
        String compact = (plus < 0 ? local : local.substring(0, plus)).replaceAll("[-_.]", "");
        return compact.equals("mailerdaemon") || compact.equals("postmaster")
                || compact.startsWith("noreply") || compact.startsWith("donotreply");
    }
}
