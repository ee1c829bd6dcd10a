Subject: Nothing sent: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Your mail on ${t.ticket.tag} reached Postdesk, but it held no text for the customer
and no command, so nothing was sent and nothing changed.
<#if t.details.attachments?has_content>Attachments alone are not sent (${t.details.attachments?join(", ")}): add a line of text.
</#if>

Write your answer above the marker line, below the quoted notification, or
between its quoted lines (the customer then gets the lines you answer, quoted);
commands such as #take go on the first lines.

--
${t.help}
${t.ref}
