Subject: Снова свободна: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.previousOwner} не работал(а) с ${t.ticket.tag} уже
${t.details.idleFor}, поэтому заявка снова свободна.
Статус: ${t.ticket.status}, приоритет ${t.ticket.priority}
Клиент: ${t.ticket.requester}

Ответьте на это письмо командой #take или сразу ответом клиенту, чтобы взять её.

--
${t.help}
${t.ref}
