Subject: Not understood: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Nothing was done with your reply on ${t.ticket.tag}, and nothing was
sent to the customer, because of:

<#list t.details.errors as e>
  ${e}
</#list>

Valid commands, one per line, at the top or the bottom of your reply:
<#list t.details.commands as c>
  ${c}
</#list>

Reply to this mail with the corrected text.

--
${t.ref}
