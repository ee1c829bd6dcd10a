Subject: Free again: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.previousOwner} held ${t.ticket.tag} without any activity for
${t.details.idleFor}, so the ticket is free again.
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Customer: ${t.ticket.requester}

Reply to this mail with #take, or with your answer, to take it.

--
${t.help}
${t.ref}
