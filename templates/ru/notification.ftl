Subject: <#if t.details.newTicket>Новая заявка<#else>Новое сообщение</#if> ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.newTicket>Новая заявка ${t.ticket.tag}<#else>Клиент снова написал в ${t.ticket.tag}</#if>
От:         ${t.details.fromName} <${t.details.fromAddress}>
Статус:     ${t.ticket.status}, приоритет ${t.ticket.priority}
Исполнитель: ${t.ticket.owner}
<#if t.details.attachments?has_content>Вложения: ${t.details.attachments?join(", ")}
</#if>

${t.details.newText}
<#if t.details.hiddenLines gt 0>

… скрыто строк цитаты: ${t.details.hiddenLines} — всё письмо: postdesk ticket show ${t.ticket.number}
</#if>

--
Пишите ответ над строкой-маркером: текст уйдёт клиенту, а первый
ответ закрепляет заявку за вами.
${t.help}
${t.ref}
