Subject: Weekly report ${t.teamName}: ${t.from} to ${t.to}

Hello ${t.leadName},

here are the numbers of mailbox ${t.mailbox} from ${t.from} to ${t.to}
(${t.zone}). The attached page (${t.attachment}) has every report with its
charts: agents, categories, arrivals, repeated problems and staffing. It
opens in any browser without a network connection.

${t.summary}

The same figures for any period: postdesk report summary --mailbox ${t.mailbox}

--
Postdesk
This is an automatic mail. Turn it off with:
postdesk mailbox set ${t.mailbox} --digest off
