Subject: Not delivered: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.kind == "ACK">The acknowledgement of ${t.ticket.tag}<#else>The answer on ${t.ticket.tag}</#if> could not be delivered to
${t.details.recipients}. The mail server said:

  ${t.details.reason}

The customer does not know that we have their request<#if t.details.kind != "ACK"> or what we answered</#if>.
Check the address, or reach them another way, and note what you did (#note).
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Owner:    ${t.ticket.owner}
Customer: ${t.ticket.requester}

--
${t.help}
${t.ref}
