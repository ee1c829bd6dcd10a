Subject: Canned answers: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

<#if t.details.names?has_content>Canned answers you can use on ${t.ticket.tag}. Write
  #answer NAME
on its own line of your reply: the answer, written for this ticket's
customer, takes that line's place in what the customer receives.

<#list t.details.names as n>
  #answer ${n}
</#list>
<#else>There are no canned answers yet. An admin adds one with
  postdesk template set answers/NAME --locale en --file FILE
</#if>

--
${t.help}
${t.ref}
