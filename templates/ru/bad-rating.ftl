Subject: Плохая оценка: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.customer} оценил(а) ${t.ticket.tag} на «${t.details.rating}»
в опросе удовлетворённости.
<#if t.details.comment?has_content>
Отзыв клиента:
${t.details.comment}
</#if>

Статус: ${t.ticket.status}, приоритет ${t.ticket.priority}
Заявка остаётся закрытой. Ответьте на это письмо, чтобы написать клиенту,
или командой #reopen, чтобы снова взяться за неё.

--
${t.help}
${t.ref}
