Subject: <#if t.details.newTicket>Нова заявка<#else>Нове повідомлення</#if> ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.newTicket>Нова заявка ${t.ticket.tag}<#else>Клієнт знову написав у ${t.ticket.tag}</#if>
Від:        ${t.details.fromName} <${t.details.fromAddress}>
Статус:     ${t.ticket.status}, пріоритет ${t.ticket.priority}
Виконавець: ${t.ticket.owner}
<#if t.details.attachments?has_content>Вкладення: ${t.details.attachments?join(", ")}
</#if>

${t.details.newText}
<#if t.details.hiddenLines gt 0>

… приховано рядків цитати: ${t.details.hiddenLines} — увесь лист: postdesk ticket show ${t.ticket.number}
</#if>

--
Пишіть відповідь над рядком-маркером: текст піде клієнту, а перша
відповідь закріплює заявку за вами.
${t.help}
${t.ref}
