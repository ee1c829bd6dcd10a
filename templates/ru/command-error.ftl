Subject: Не понято: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

С вашим ответом по ${t.ticket.tag} ничего не сделано и клиенту ничего
не отправлено из-за:

<#list t.details.errors as e>
  ${e}
</#list>

Допустимые команды, по одной в строке, в начале или в конце ответа:
<#list t.details.commands as c>
  ${c}
</#list>

Ответьте на это письмо исправленным текстом.

--
${t.ref}
