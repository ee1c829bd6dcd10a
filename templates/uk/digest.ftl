Subject: Тижневий звіт ${t.teamName}: ${t.from} – ${t.to}

Вітаємо, ${t.leadName}!

Цифри скриньки ${t.mailbox} з ${t.from} по ${t.to} (${t.zone}). У вкладенні
(${t.attachment}) всі звіти з графіками: агенти, категорії, надходження
заявок, повторювані проблеми та план змін. Сторінка відкривається в
будь-якому браузері без підключення до мережі.

${t.summary}

Ті самі цифри за будь-який період: postdesk report summary --mailbox ${t.mailbox}

--
Postdesk
Це автоматичний лист. Вимкнути його:
postdesk mailbox set ${t.mailbox} --digest off
