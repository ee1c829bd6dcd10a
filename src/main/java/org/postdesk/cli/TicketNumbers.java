package org.postdesk.cli;

import org.postdesk.tickets.TicketNumber;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reads a ticket number typed by an admin, with or without '#', refusing a wrong check digit. */
final class TicketNumbers {
    private TicketNumbers() {
    }

    static TicketNumber parse(CommandSpec spec, String typed) {
        String digits = typed.strip().replaceFirst("^#", "");
        return TicketNumber.parse(digits).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "ticket number '" + typed + "' is not valid: its last digit is a check digit, so a mistyped number"
                        + " is refused; copy it from the ticket's subject tag or 'postdesk ticket list'"));
    }
}
