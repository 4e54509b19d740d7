// /dev/mail: the mails the file transport wrote (no SMTP_URL), for newcomers
// and developers. Registered only outside production (src/http/server.ts).
// The mail's HTML is shown in a sandboxed iframe (no scripts, no requests:
// its own CSP allows only inline styles and data: images; inline images
// the HTML names as `cid:…`, the check-in code, are put in as data: URLs).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { escapeHtml as e } from '../../mail/markup.ts';
import { listStoredMails, readStoredFile, readStoredMail } from '../../mail/mail-store.ts';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";
const MAIL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'";
const STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;line-height:1.5}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ccc;vertical-align:top}
pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem;border:1px solid #ddd}iframe{width:100%;height:44rem;border:1px solid #999}
a{color:#0b5394}.note{background:#fff4ce;padding:.5rem 1rem;border-left:4px solid #c90}`;

function page(reply: FastifyReply, title: string, body: string) {
  return reply
    .header('Content-Security-Policy', PAGE_CSP)
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`);
}

function notFound(reply: FastifyReply) {
  return page(reply.status(404), 'Not found', '<h1>Mail not found</h1><p><a href="/dev/mail">All mails</a></p>');
}

export function registerDevMail(app: FastifyInstance, dir: string): void {
  app.get('/dev/mail', async (_req, reply) => {
    const mails = await listStoredMails(dir);
    const rows = mails
      .map((m) => `<tr><td>${e(m.date.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</td><td>${e(m.to)}</td><td><a href="/dev/mail/${encodeURIComponent(m.name)}">${e(m.subject)}</a></td></tr>`)
      .join('');
    return page(
      reply,
      `Mails (${mails.length})`,
      `<h1>Mails sent by this server (${mails.length})</h1>
<p class="note">No <code>SMTP_URL</code> is set, so mails are kept in <code>${e(dir)}</code> instead of being sent. This page does not exist in production.</p>
${mails.length === 0 ? '<p>No mails yet. Book an appointment and reload.</p>' : `<table><thead><tr><th scope="col">Date (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table>`}`,
    );
  });

  app.get<{ Params: { name: string } }>('/dev/mail/:name', async (req, reply) => {
    const name = req.params.name;
    if (name.endsWith('.eml')) {
      const raw = await readStoredFile(dir, name);
      if (!raw) return notFound(reply);
      return reply.header('Content-Disposition', `attachment; filename="${name}"`).type('message/rfc822').send(raw);
    }
    const m = await readStoredMail(dir, name);
    if (!m) return notFound(reply);
    const href = `/dev/mail/${encodeURIComponent(name)}`;
    const attachments = m.attachments
      .map((a) => `<li><a href="${href}/files/${encodeURIComponent(a.file)}">${e(a.filename)}</a> (${e(a.contentType)})</li>`)
      .join('');
    return page(
      reply,
      m.subject,
      `<p><a href="/dev/mail">All mails</a></p>
<h1>${e(m.subject)}</h1>
<table><tbody>
<tr><th scope="row">From</th><td>${e(m.from)}</td></tr>
<tr><th scope="row">To</th><td>${e(m.to)}</td></tr>
<tr><th scope="row">Date</th><td>${e(m.date)}</td></tr>
<tr><th scope="row">Message-ID</th><td>${e(m.messageId)}</td></tr>
<tr><th scope="row">Files</th><td><ul>${attachments}<li><a href="${href}.eml">${e(name)}.eml</a> (the whole message)</li></ul></td></tr>
</tbody></table>
<h2>HTML</h2>
<iframe sandbox src="${href}/html" title="HTML version of the mail"></iframe>
<h2>Text</h2>
<pre>${e(m.text)}</pre>`,
    );
  });

  app.get<{ Params: { name: string } }>('/dev/mail/:name/html', async (req, reply) => {
    const m = await readStoredMail(dir, req.params.name);
    if (!m) return notFound(reply);
    let html = m.html;
    for (const a of m.attachments) {
      if (!a.cid || a.contentType !== 'image/png') continue;
      const png = await readStoredFile(dir, a.file);
      if (png) html = html.split(`src="cid:${e(a.cid)}"`).join(`src="data:image/png;base64,${png.toString('base64')}"`);
    }
    return reply
      .header('Content-Security-Policy', MAIL_CSP)
      .header('X-Frame-Options', 'SAMEORIGIN')
      .header('Cache-Control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html);
  });

  app.get<{ Params: { name: string; file: string } }>('/dev/mail/:name/files/:file', async (req, reply) => {
    const m = await readStoredMail(dir, req.params.name);
    const a = m?.attachments.find((x) => x.file === req.params.file);
    const content = a ? await readStoredFile(dir, a.file) : null;
    if (!a || !content) return notFound(reply);
    return reply
      .header('Content-Disposition', `attachment; filename="${a.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
      .type(a.contentType.startsWith('text/calendar') ? 'text/calendar; charset=utf-8' : 'application/octet-stream')
      .send(content);
  });
}
