Subject: Знову вільна: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.previousOwner} не працював(-ла) з ${t.ticket.tag} вже
${t.details.idleFor}, тому заявка знову вільна.
Статус: ${t.ticket.status}, пріоритет ${t.ticket.priority}
Клієнт: ${t.ticket.requester}

Дайте відповідь на цей лист командою #take або одразу відповіддю клієнту, щоб взяти її.

--
${t.help}
${t.ref}
