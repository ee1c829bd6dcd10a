Subject: Escalated: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.ticket.tag} was escalated to the second line: ${t.details.reason}.
<#if t.details.target?has_content>The ${t.details.target} target was due ${t.details.dueAt}.
</#if>Escalated by: ${t.details.by}
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Owner:    ${t.ticket.owner}
Customer: ${t.ticket.requester}
<#if t.details.offered>
Nobody holds the ticket: reply to this mail with #take, or with your answer, to take it.
</#if>

History:
<#list t.details.history as line>
  ${line}
</#list>

--
${t.help}
${t.ref}
