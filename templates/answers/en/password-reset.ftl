Hello ${t.customerName},

you can set a new password yourself: open the sign-in page, choose
"Forgot password?" and enter ${t.customerAddress}. You will get a link
that is valid for one hour. If the mail does not arrive within a few
minutes, please look in your spam folder, then reply to this message.
