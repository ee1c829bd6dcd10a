Subject: Не зрозуміло: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

З вашою відповіддю щодо ${t.ticket.tag} нічого не зроблено і клієнту
нічого не надіслано через:

<#list t.details.errors as e>
  ${e}
</#list>

Допустимі команди, по одній у рядку, на початку або в кінці відповіді:
<#list t.details.commands as c>
  ${c}
</#list>

Дайте відповідь на цей лист виправленим текстом.

--
${t.ref}
