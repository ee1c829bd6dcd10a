Subject: Mailbox ${t.mailbox} stopped: its ${t.provider} sign-in was refused
Hello ${t.agentName},

Postdesk can no longer read or send the mail of mailbox ${t.mailbox}
(${t.address}): ${t.provider} refused its OAuth2 sign-in for good.
The provider said:

  ${t.reason}

Until an administrator signs in again, customers' mail to ${t.address}
waits on the server and no replies leave from it. To fix it, run:

  ${t.command}

This is the only notice about this failure; postdesk mailbox list and
/health show the mailbox in ERROR until it is fixed.
