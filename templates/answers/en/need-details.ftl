To look into this we need a little more from you:

- what you did just before the problem appeared,
- the exact error message, or a screenshot,
- the device and browser or app version you use.

Please reply to this message and keep "${t.tag}" in the subject.
