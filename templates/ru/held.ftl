Subject: Не отправлено: заявка ${t.ticket.tag} у ${t.details.ownerName}
${t.marker}

<#if t.details.heldText?has_content>Ваш ответ по ${t.ticket.tag} НЕ отправлен клиенту.
<#else>Ваши команды по ${t.ticket.tag} не выполнены.
</#if>
Заявкой занимается ${t.details.ownerName} <${t.details.ownerAddress}> с ${t.details.since}.
<#if t.details.refused?has_content>Не выполнено: ${t.details.refused?join(", ")}
</#if>

<#if t.details.stealAllowed>Чтобы забрать заявку и отправить ответ как есть, ответьте на это
письмо строками:
  #steal
  #send
<#else>Забирать чужие заявки (#steal) здесь запрещено: попросите
${t.details.ownerName} сделать #release или #assign на вас, или обратитесь к администратору.
</#if>
<#if t.details.heldText?has_content>

Ваш ответ сохранён как внутренняя заметка:
------------------------------------------------------------
${t.details.heldText}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
