Subject: Готові відповіді: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.names?has_content>Готові відповіді для ${t.ticket.tag}. Напишіть
  #answer НАЗВА
окремим рядком у відповіді: текст відповіді, складений для клієнта цієї
заявки, стане на місце цього рядка в листі клієнту.

<#list t.details.names as n>
  #answer ${n}
</#list>
<#else>Готових відповідей поки немає. Адміністратор додає їх командою
  postdesk template set answers/НАЗВА --locale uk --file ФАЙЛ
</#if>

--
${t.help}
${t.ref}
