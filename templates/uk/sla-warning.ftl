Subject: Скоро термін: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Термін ${t.details.target} за заявкою ${t.ticket.tag} настає ${t.details.dueAt}
(залишилося ${t.details.left} робочого часу).
Статус:       ${t.ticket.status}, пріоритет ${t.ticket.priority}
Відповідальний: ${t.ticket.owner}
Клієнт:       ${t.ticket.requester}

Дайте відповідь на цей лист відповіддю клієнту; якщо заявка нічия, ваша відповідь закріпить її за вами.
Після порушення терміну заявку буде передано другій лінії.

--
${t.help}
${t.ref}
