Subject: Ескалація: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Заявку ${t.ticket.tag} передано другій лінії: ${t.details.reason}.
<#if t.details.target?has_content>Термін ${t.details.target} сплив ${t.details.dueAt}.
</#if>Ким:       ${t.details.by}
Статус:    ${t.ticket.status}, пріоритет ${t.ticket.priority}
Відповідальний: ${t.ticket.owner}
Клієнт:    ${t.ticket.requester}
<#if t.details.offered>
Заявка нічия: дайте відповідь на цей лист командою #take або одразу відповіддю клієнту, щоб взяти її.
</#if>

Історія:
<#list t.details.history as line>
  ${line}
</#list>

--
${t.help}
${t.ref}
