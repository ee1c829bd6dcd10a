Subject: ${t.tag} ${t.subject}

Hello ${t.customerName},

thank you for writing to us. We have received your message and opened
ticket #${t.number} for it. A member of our team will answer you soon.

Please keep "${t.tag}" in the subject when you write to us about this
request, or simply reply to this mail.

Your message:
> ${t.subject}

--
${t.teamName}
${t.supportAddress}
This is an automatic reply. You do not need to answer it.
