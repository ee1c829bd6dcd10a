Subject: Погана оцінка: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.customer} оцінив(-ла) ${t.ticket.tag} на «${t.details.rating}»
в опитуванні задоволеності.
<#if t.details.comment?has_content>
Відгук клієнта:
${t.details.comment}
</#if>

Статус: ${t.ticket.status}, пріоритет ${t.ticket.priority}
Заявка залишається закритою. Дайте відповідь на цей лист, щоб написати
клієнту, або командою #reopen, щоб знову взятися за неї.

--
${t.help}
${t.ref}
