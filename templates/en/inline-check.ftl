Subject: Not sent yet: please check your reply on ${t.ticket.tag}
${t.marker}

Your reply on ${t.ticket.tag} was NOT sent yet. It has text below the quoted
notification, and Postdesk cannot tell whether that is part of your answer
(written between the quoted lines) or a signature or footer.
<#if t.details.refused?has_content>Not done (repeat with #send): ${t.details.refused?join(", ")}
</#if>

Reply to this mail with
  #send
to send it to the customer exactly as shown below (lines starting with ">"
are the customer's words you answer), or write a new reply above the marker
line instead.

------------------------------------------------------------ #send sends
${t.details.heldText}
------------------------------------------------------------

--
${t.help}
${t.ref}
