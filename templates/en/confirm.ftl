Subject: Confirm: did you write this? ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

A reply to ${t.ticket.tag} arrived in your name, but nothing shows that it
came from you: it has no DKIM signature of your domain, and no mail server
we trust says you sent it. It was NOT sent and nothing in it was done.

From:  ${t.details.from}

If you wrote it, reply to this mail with
  #send
and it goes out as it is, commands included. If you did not write it, do
nothing: it lapses in ${t.details.expiresIn} (${t.details.expiresAt}) and is never sent.
Someone who holds one of your notifications may be posing as you.

The reply that is held:
------------------------------------------------------------
${t.details.heldText}
------------------------------------------------------------

--
${t.help}
${t.ref}
