Subject: Not sent yet: ${t.ticket.tag} changed since you read it
${t.marker}

Your reply on ${t.ticket.tag} was NOT sent: since the notification you
answered, the ticket got ${t.details.newMessages?size} new message(s).
<#if t.details.refused?has_content>Not done (repeat with #send): ${t.details.refused?join(", ")}
</#if>

Reply to this mail with
  #send
to send your reply as it was, or write a new reply instead.

<#list t.details.newMessages as m>
------------------------------------------------------------ new
${m}
</#list>
------------------------------------------------------------ your reply
${t.details.heldText}
------------------------------------------------------------

--
${t.help}
${t.ref}
