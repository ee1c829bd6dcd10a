Subject: Не надіслано: заявка ${t.ticket.tag} у ${t.details.ownerName}
${t.marker}

<#if t.details.heldText?has_content>Вашу відповідь щодо ${t.ticket.tag} НЕ надіслано клієнту.
<#else>Ваші команди щодо ${t.ticket.tag} не виконано.
</#if>
Заявкою займається ${t.details.ownerName} <${t.details.ownerAddress}> з ${t.details.since}.
<#if t.details.refused?has_content>Не виконано: ${t.details.refused?join(", ")}
</#if>

<#if t.details.stealAllowed>Щоб забрати заявку й надіслати відповідь як є, дайте відповідь на цей
лист рядками:
  #steal
  #send
<#else>Забирати чужі заявки (#steal) тут заборонено: попросіть
${t.details.ownerName} зробити #release або #assign на вас, або зверніться до адміністратора.
</#if>
<#if t.details.heldText?has_content>

Вашу відповідь збережено як внутрішню нотатку:
------------------------------------------------------------
${t.details.heldText}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
