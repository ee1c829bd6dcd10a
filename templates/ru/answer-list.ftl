Subject: Готовые ответы: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.names?has_content>Готовые ответы для ${t.ticket.tag}. Напишите
  #answer ИМЯ
отдельной строкой в ответе: текст ответа, составленный для клиента этой
заявки, встанет на место этой строки в письме клиенту.

<#list t.details.names as n>
  #answer ${n}
</#list>
<#else>Готовых ответов пока нет. Администратор добавляет их командой
  postdesk template set answers/ИМЯ --locale ru --file ФАЙЛ
</#if>

--
${t.help}
${t.ref}
