#!/usr/bin/env python3
"""Second oracle: Python's own email package (policy.default, the modern parser) read over the same files.
usage: oracle_python_email.py DIR EXT > oracle.jsonl (scripts/oracle-python runs it)
For each mail: from = the first address of From; subject; body = get_body(('plain','html')) as text (HTML turned
into text as compare.py does); attachments = file names of every leaf part that is not the chosen body and has one."""
import email, json, os, sys
from email import policy
d, ext = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else '.txt')
from html.parser import HTMLParser
BLOCK = {'p', 'div', 'br', 'tr', 'li', 'pre', 'table', 'h1', 'h2', 'h3', 'h4', 'blockquote', 'hr'}
class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True); self.out = []; self.skip = 0
    def handle_starttag(self, tag, attrs):
        if tag in ('style', 'script', 'title', 'head'): self.skip += 1
        if tag in BLOCK: self.out.append('\n')
    def handle_endtag(self, tag):
        if tag in ('style', 'script', 'title', 'head'): self.skip = max(0, self.skip - 1)
        if tag in BLOCK: self.out.append('\n')
    def handle_data(self, data):
        if not self.skip: self.out.append(data)
def html_text(s):
    t = Text(); t.feed(s); t.close(); return ''.join(t.out)
for f in sorted(os.listdir(d)):
    if not f.endswith(ext): continue
    out = {'file': f}
    try:
        m = email.message_from_bytes(open(os.path.join(d, f), 'rb').read(), policy=policy.default)
        try:
            frm = m['from']
            addrs = frm.addresses if frm is not None else ()
            out['from'] = addrs[0].addr_spec if addrs and addrs[0].addr_spec not in ('', '<>') else None
        except Exception as e:
            out['from'] = None; out['from_error'] = repr(e)
        try:
            out['subject'] = str(m['subject']) if m['subject'] is not None else ''
        except Exception as e:
            out['subject_error'] = repr(e)
        body = m.get_body(preferencelist=('plain', 'html'))
        text = ''
        if body is not None:
            try:
                text = body.get_content()
                if body.get_content_type() == 'text/html': text = html_text(text)
            except Exception as e:
                out['body_error'] = repr(e)
        out['body'] = text
        names = []
        for part in m.walk():
            if part.is_multipart() or part is body: continue
            try:
                n = part.get_filename()
            except Exception:
                n = None
            if n: names.append(n)
        out['attachments'] = names
    except Exception as e:
        out['error'] = repr(e)
    print(json.dumps(out, ensure_ascii=False))
