Subject: <#if t.details.change == "ASSIGNED_TO_YOU">Тепер ваша: <#elseif t.details.change == "TAKEN_FROM_YOU">Більше не ваша: <#else>Знову вільна: </#if>${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.change == "ASSIGNED_TO_YOU">${t.details.by} призначив(-ла) вам заявку ${t.ticket.tag}: тепер вона ваша.
Дайте відповідь на цей лист, і ваша відповідь піде клієнту.
<#elseif t.details.change == "TAKEN_FROM_YOU">${t.details.by} забрав(-ла) у вас заявку ${t.ticket.tag}.
Ваші відповіді щодо неї тепер затримуються і клієнту не надсилаються.
<#elseif t.details.change == "RELEASED">${t.details.by} звільнив(-ла) заявку ${t.ticket.tag}, вона знову вільна.
Дайте відповідь на цей лист командою #take або одразу відповіддю клієнту, щоб взяти її.
<#else>Працівника, який вів заявку ${t.ticket.tag}, вимкнено (${t.details.by}), тому
заявка знову вільна. Дайте відповідь на цей лист командою #take або одразу відповіддю клієнту, щоб взяти її.
</#if>
Статус: ${t.ticket.status}, пріоритет ${t.ticket.priority}
Власник: ${t.ticket.owner}
Клієнт: ${t.ticket.requester}
<#if t.details.text?has_content>

Останній лист клієнта:
------------------------------------------------------------
${t.details.text}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
