Subject: Nothing sent: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Your #send on ${t.ticket.tag} sent nothing: ${t.details.problem}

--
${t.help}
${t.ref}
