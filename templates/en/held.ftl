Subject: Not sent: ${t.ticket.tag} is held by ${t.details.ownerName}
${t.marker}

<#if t.details.heldText?has_content>Your reply on ${t.ticket.tag} was NOT sent to the customer.
<#else>Your commands on ${t.ticket.tag} were not carried out.
</#if>
${t.details.ownerName} <${t.details.ownerAddress}> holds this ticket since ${t.details.since}.
<#if t.details.refused?has_content>Not done: ${t.details.refused?join(", ")}
</#if>

<#if t.details.stealAllowed>To take the ticket over and send your reply as it was, reply to this
mail with:
  #steal
  #send
<#else>Taking over a held ticket (#steal) is switched off here: ask
${t.details.ownerName} to #release or #assign it to you, or an admin.
</#if>
<#if t.details.heldText?has_content>

Your reply, kept as an internal note:
------------------------------------------------------------
${t.details.heldText}
------------------------------------------------------------
</#if>

--
${t.help}
${t.ref}
