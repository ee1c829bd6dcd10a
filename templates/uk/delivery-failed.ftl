Subject: Не доставлено: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.kind == "ACK">Підтвердження щодо заявки ${t.ticket.tag}<#else>Відповідь щодо заявки ${t.ticket.tag}</#if> не вдалося доставити на адресу
${t.details.recipients}. Поштовий сервер відповів:

  ${t.details.reason}

Клієнт не знає, що ми отримали його звернення<#if t.details.kind != "ACK">, і не бачив нашої відповіді</#if>.
Перевірте адресу або зв'яжіться з клієнтом інакше і запишіть, що зробили (#note).
Статус: ${t.ticket.status}, пріоритет ${t.ticket.priority}
Власник: ${t.ticket.owner}
Клієнт: ${t.ticket.requester}

--
${t.help}
${t.ref}
