Subject: <#if t.details.newTicket>New ticket<#else>Follow-up</#if> ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.newTicket>New ticket ${t.ticket.tag}<#else>The customer wrote again on ${t.ticket.tag}</#if>
From:     ${t.details.fromName} <${t.details.fromAddress}>
Status:   ${t.ticket.status}, priority ${t.ticket.priority}
Owner:    ${t.ticket.owner}
<#if t.details.attachments?has_content>Attached: ${t.details.attachments?join(", ")}
</#if>

${t.details.newText}
<#if t.details.hiddenLines gt 0>

… ${t.details.hiddenLines} quoted lines hidden — full message: postdesk ticket show ${t.ticket.number}
</#if>

--
Reply above the marker line: your text goes to the customer, and the
first reply takes the ticket.
${t.help}
${t.ref}
