Subject: <#if t.details.change == "ASSIGNED_TO_YOU">Теперь ваша: <#elseif t.details.change == "TAKEN_FROM_YOU">Больше не ваша: <#else>Снова свободна: </#if>${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.change == "ASSIGNED_TO_YOU">${t.details.by} назначил(а) вам заявку ${t.ticket.tag}: теперь она ваша.
Ответьте на это письмо, и ваш ответ уйдёт клиенту.
<#elseif t.details.change == "TAKEN_FROM_YOU">${t.details.by} забрал(а) у вас заявку ${t.ticket.tag}.
Ваши ответы по ней теперь задерживаются и клиенту не отправляются.
<#elseif t.details.change == "RELEASED">${t.details.by} освободил(а) заявку ${t.ticket.tag}, она снова свободна.
Ответьте на это письмо командой #take или сразу ответом клиенту, чтобы взять её.
<#else>Сотрудник, который вёл заявку ${t.ticket.tag}, отключён (${t.details.by}), поэтому
заявка снова свободна. Ответьте на это письмо командой #take или сразу ответом клиенту, чтобы взять её.
</#if>
Статус: ${t.ticket.status}, приоритет ${t.ticket.priority}
Владелец: ${t.ticket.owner}
Клиент: ${t.ticket.requester}
<#if t.details.text?has_content>

Последнее письмо клиента:
------------------------------------------------------------
${t.details.text}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
