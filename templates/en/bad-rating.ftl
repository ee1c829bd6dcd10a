Subject: Bad rating: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

${t.details.customer} rated ${t.ticket.tag} "${t.details.rating}" in the
satisfaction survey.
<#if t.details.comment?has_content>
Their comment:
${t.details.comment}
</#if>

Status:   ${t.ticket.status}, priority ${t.ticket.priority}
The ticket stays closed. Reply to this mail to write to the customer,
or with #reopen to work on it again.

--
${t.help}
${t.ref}
