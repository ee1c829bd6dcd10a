Subject: Недельный отчёт ${t.teamName}: ${t.from} – ${t.to}

Здравствуйте, ${t.leadName}!

Цифры ящика ${t.mailbox} с ${t.from} по ${t.to} (${t.zone}). Во вложении
(${t.attachment}) все отчёты с графиками: агенты, категории, поступление
заявок, повторяющиеся проблемы и план смен. Страница открывается в любом
браузере без подключения к сети.

${t.summary}

Те же цифры за любой период: postdesk report summary --mailbox ${t.mailbox}

--
Postdesk
Это автоматическое письмо. Отключить его:
postdesk mailbox set ${t.mailbox} --digest off
