Subject: Not sent: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Your reply on ${t.ticket.tag} was NOT sent to the customer: <#if t.details.attachment?has_content>the
attachment "${t.details.attachment}"<#else>it</#if> still carries a Postdesk reply token, the key that
lets a mail act as you. A customer holding it could pose as you.

<#if t.details.attachment?has_content>Send the reply again without that attachment (forward the customer
the information, not our notification).<#else>Write the reply again without the "Ref:" line.</#if>

Your reply, kept as an internal note:
------------------------------------------------------------
${t.details.heldText}
------------------------------------------------------------

--
${t.help}
${t.ref}
