Subject: Не доставлено: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.kind == "ACK">Подтверждение по заявке ${t.ticket.tag}<#else>Ответ по заявке ${t.ticket.tag}</#if> не удалось доставить на адрес
${t.details.recipients}. Почтовый сервер ответил:

  ${t.details.reason}

Клиент не знает, что мы получили его обращение<#if t.details.kind != "ACK">, и не видел нашего ответа</#if>.
Проверьте адрес или свяжитесь с клиентом иначе и запишите, что сделали (#note).
Статус: ${t.ticket.status}, приоритет ${t.ticket.priority}
Владелец: ${t.ticket.owner}
Клиент: ${t.ticket.requester}

--
${t.help}
${t.ref}
