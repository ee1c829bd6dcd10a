Subject: Due soon: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

The ${t.details.target} target of ${t.ticket.tag} is due ${t.details.dueAt}
(${t.details.left} of business time left).
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Owner:    ${t.ticket.owner}
Customer: ${t.ticket.requester}

Reply to this mail with your answer to the customer; if nobody holds the
ticket, your reply takes it. When it is breached it escalates to the second line.

--
${t.help}
${t.ref}
