Subject: <#if t.details.change == "ASSIGNED_TO_YOU">Yours now: <#elseif t.details.change == "TAKEN_FROM_YOU">No longer yours: <#else>Free again: </#if>${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.change == "ASSIGNED_TO_YOU">${t.details.by} assigned ${t.ticket.tag} to you: you own it now.
Reply to this mail with your answer; it goes to the customer.
<#elseif t.details.change == "TAKEN_FROM_YOU">${t.details.by} took ${t.ticket.tag} over from you.
Replies you send to it from now on are held, not sent to the customer.
<#elseif t.details.change == "RELEASED">${t.details.by} released ${t.ticket.tag}, so the ticket is free again.
Reply to this mail with #take, or with your answer, to take it.
<#else>The agent who held ${t.ticket.tag} was disabled by ${t.details.by}, so the ticket
is free again. Reply to this mail with #take, or with your answer, to take it.
</#if>
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Owner:    ${t.ticket.owner}
Customer: ${t.ticket.requester}
<#if t.details.text?has_content>

The customer's latest message:
------------------------------------------------------------
${t.details.text}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
