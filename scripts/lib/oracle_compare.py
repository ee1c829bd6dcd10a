#!/usr/bin/env python3
"""usage: oracle_compare.py OURS.jsonl ORACLE.jsonl : per-field agreement of OracleHarness output with oracle_python_email.py.
from: case-insensitive equal; subject: whitespace-normalised equal; body: whitespace-normalised, ours starts with
the oracle's first 200 and ends with its last 100 characters; attachments: every file name the oracle finds is among
ours (ours may name more: Postdesk also lists parts without a file name).
A field whose oracle value holds U+FFFD is left out and counted as "oracle undecided": Python's email decodes raw
8-bit headers and an undeclared 8-bit body as replacement characters, so it states no expectation there."""
import json, sys
def load(p): return {j['file']: j for j in map(json.loads, (l for l in open(p, encoding='utf-8') if l.startswith('{')))}
def norm(s): return ' '.join((s or '').split())
ours, orc = load(sys.argv[1]), load(sys.argv[2])
verbose = '-v' in sys.argv
stats = {k: [0, 0] for k in ('from', 'subject', 'body', 'attachments')}
undecided = {}
for f, o in sorted(orc.items()):
    g = ours.get(f)
    if g is None or 'error' in o: continue
    res = {}
    if 'from_error' not in o: res['from'] = (g.get('from') or '').lower() == (o.get('from') or '').lower()
    if 'subject_error' not in o: res['subject'] = norm(g.get('subject')) == norm(o.get('subject'))
    if 'body_error' not in o:
        b, e = norm(g.get('body')), norm(o.get('body'))
        res['body'] = b.startswith(e[:200]) and b.endswith(e[-100:])
    res['attachments'] = all(n in g.get('attachments', []) for n in o.get('attachments', []))
    for k in [k for k in ('from', 'subject', 'body') if k in res and '\ufffd' in (o.get(k) or '')]:
        undecided[k] = undecided.get(k, 0) + 1
        print(f, 'ORACLE UNDECIDED', k, '(U+FFFD in its value; ours: %r)' % norm(g.get(k))[:80])
        del res[k]
    for k, ok in res.items():
        stats[k][1] += 1; stats[k][0] += ok
    bad = [k for k, ok in res.items() if not ok]
    if bad:
        print(f, 'DIFFERS', ' '.join(bad))
        for k in bad:
            if k == 'body': print('   body ours=%r...%r\n   oracle=%r...%r' % (norm(g.get('body'))[:150], norm(g.get('body'))[-60:], norm(o.get('body'))[:150], norm(o.get('body'))[-60:]))
            else: print('   %s ours=%r oracle=%r' % (k, g.get(k), o.get(k)))
print('messages: %d' % max(v[1] for v in stats.values()))
for k, (ok, tot) in stats.items():
    print('%-12s %3d/%-3d %5.1f %%' % (k, ok, tot, 100.0 * ok / tot if tot else 0)
          + ('   (+%d oracle undecided)' % undecided[k] if k in undecided else ''))
