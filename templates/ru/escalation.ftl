Subject: Эскалация: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Заявка ${t.ticket.tag} передана второй линии: ${t.details.reason}.
<#if t.details.target?has_content>Срок ${t.details.target} истёк ${t.details.dueAt}.
</#if>Кем:       ${t.details.by}
Статус:    ${t.ticket.status}, приоритет ${t.ticket.priority}
Ответственный: ${t.ticket.owner}
Клиент:    ${t.ticket.requester}
<#if t.details.offered>
Заявка ничья: ответьте на это письмо командой #take или сразу ответом клиенту, чтобы взять её.
</#if>

История:
<#list t.details.history as line>
  ${line}
</#list>

--
${t.help}
${t.ref}
