Subject: ${t.tag} How did we do? ${t.subject}

Hello ${t.customerName},

we have closed ticket #${t.number} ("${t.subject}"). How satisfied are you
with our help? Click the answer that fits; it opens a reply you only need
to send:

<#list t.choices as c>
<#if t.scale == "5">  ${c.grade} of 5<#if c.grade == 5> (very good)<#elseif c.grade == 1> (very bad)</#if><#else><#if c.good>  Good<#else>  Bad</#if></#if>: ${c.mailto}
</#list>

Or simply reply to this mail with <#if t.scale == "5">a number from 1 to 5<#else>"good" or "bad"</#if> on the
first line; anything you write after it reaches the team as your comment.
Your answer does not reopen the ticket. If the problem is not solved,
write to us as usual and we will pick it up again.

--
${t.teamName}
${t.supportAddress}
