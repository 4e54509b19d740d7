// Building blocks for the mails: one document model rendered twice, as plain
// text and as simple inline-styled HTML (escaped; no external images, no
// scripts, no stylesheets).
export type Block =
  | { type: 'p'; text: string }
  | { type: 'h'; text: string }
  | { type: 'facts'; rows: [label: string, value: string][] }
  | { type: 'list'; items: string[] }
  | { type: 'link'; label: string; href: string }
  | { type: 'note'; text: string }
  /** an inline image (`cid:`), HTML only: the text part says the same in words next to it */
  | { type: 'image'; cid: string; alt: string; size: number };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a';

export function renderText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'p':
      case 'note':
        out.push(b.text, '');
        break;
      case 'h':
        out.push(b.text, '-'.repeat(Math.min(b.text.length, 60)));
        break;
      case 'facts': {
        const w = Math.max(...b.rows.map(([l]) => l.length)) + 1;
        for (const [l, v] of b.rows) out.push(`${`${l}:`.padEnd(w)} ${v.replace(/\n/g, `\n${' '.repeat(w + 1)}`)}`);
        out.push('');
        break;
      }
      case 'list':
        for (const i of b.items) out.push(`- ${i}`);
        out.push('');
        break;
      case 'link':
        out.push(`${b.label}:`, b.href, '');
        break;
      case 'image':
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderHtml(blocks: Block[], opts: { lang: string; title: string }): string {
  const body = blocks
    .map((b) => {
      switch (b.type) {
        case 'p':
          return `<p style="margin:0 0 16px">${escapeHtml(b.text)}</p>`;
        case 'note':
          return `<p style="margin:0 0 16px;padding:12px;background:#f3f3f3;border-left:4px solid #666">${escapeHtml(b.text)}</p>`;
        case 'h':
          return `<h2 style="margin:24px 0 8px;font-size:18px">${escapeHtml(b.text)}</h2>`;
        case 'facts':
          return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${b.rows
            .map(
              ([l, v]) =>
                `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:bold">${escapeHtml(l)}</th><td style="padding:4px 0">${escapeHtml(v).replace(/\n/g, '<br>')}</td></tr>`,
            )
            .join('')}</table>`;
        case 'list':
          return `<ul style="margin:0 0 16px;padding-left:24px">${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
        case 'link':
          return `<p style="margin:0 0 16px"><a href="${escapeHtml(b.href)}" style="color:#0b5394;font-weight:bold">${escapeHtml(b.label)}</a></p>`;
        case 'image':
          return `<p style="margin:0 0 16px"><img src="cid:${escapeHtml(b.cid)}" width="${b.size}" height="${b.size}" alt="${escapeHtml(b.alt)}" style="display:block;width:${b.size}px;height:${b.size}px;border:0;background:#ffffff"></p>`;
      }
    })
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(opts.title)}</title></head>
<body style="margin:0;padding:0;background:#ffffff"><div style="max-width:640px;margin:0 auto;padding:24px;${FONT}">
${body}
</div></body></html>
`;
}
