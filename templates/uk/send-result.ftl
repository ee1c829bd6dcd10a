Subject: Нічого не надіслано: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Ваша команда #send щодо ${t.ticket.tag} нічого не надіслала: ${t.details.problem}

--
${t.help}
${t.ref}
