Thank you for letting us know that it works now. We are closing ticket
#${t.number}; if anything else comes up, just reply to this message and
it opens again.
