Subject: Ничего не отправлено: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Ваша команда #send по ${t.ticket.tag} ничего не отправила: ${t.details.problem}

--
${t.help}
${t.ref}
