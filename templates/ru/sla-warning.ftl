Subject: Скоро срок: ${t.ticket.tag} ${t.ticket.subject}
${t.marker}

Срок ${t.details.target} по заявке ${t.ticket.tag} наступает ${t.details.dueAt}
(осталось ${t.details.left} рабочего времени).
Статус:    ${t.ticket.status}, приоритет ${t.ticket.priority}
Ответственный: ${t.ticket.owner}
Клиент:    ${t.ticket.requester}

Ответьте на это письмо ответом клиенту; если заявка ничья, ваш ответ закрепит её за вами.
После нарушения срока заявка будет передана второй линии.

--
${t.help}
${t.ref}
