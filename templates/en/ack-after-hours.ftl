Subject: ${t.tag} ${t.subject}

Hello ${t.customerName},

thank you for writing to us. We have received your message and opened
ticket #${t.number} for it.

<#if t.holiday?has_content>Our team is away for ${t.holiday}<#else>Our team is away right now</#if> and will be back
on ${t.backAt}.
<#if t.firstResponseDue?has_content>You will have our first answer by ${t.firstResponseDue}.
</#if>

Please keep "${t.tag}" in the subject when you write to us about this
request, or simply reply to this mail.

Your message:
> ${t.subject}

--
${t.teamName}
${t.supportAddress}
This is an automatic reply. You do not need to answer it.
