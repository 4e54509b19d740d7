// Without SMTP_URL (the demo, development): each mail is written to MAIL_DIR
// as NAME.eml (the exact MIME message an SMTP server would get), NAME.json
// (subject, addresses, text, HTML, attachment list) and its attachments, and
// listed in index.json; /dev/mail shows them. A resent row overwrites its own
// files (the name comes from the stable Message-ID).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { nodemailerMessage, type MailTransport, type OutgoingMail, type TransportHealth } from './transport.ts';

export interface StoredMailSummary {
  name: string;
  messageId: string;
  date: string;
  from: string;
  to: string;
  subject: string;
}

export interface StoredMail extends StoredMailSummary {
  text: string;
  html: string;
  /** `cid`: an inline image the HTML shows as `cid:…` (/dev/mail shows it in place) */
  attachments: { filename: string; contentType: string; file: string; cid?: string }[];
}

export const INDEX_FILE = 'index.json';
/** What a stored mail's files may be called (nothing with a path in it). */
export const STORED_NAME = /^[A-Za-z0-9._-]{1,200}$/;

/** `<outbox-42@host>` -> `outbox-42` */
export function storedName(messageId: string): string {
  const local = messageId.replace(/^</, '').replace(/>$/, '').split('@')[0] ?? 'mail';
  const safe = local.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 180);
  return safe.startsWith('.') || safe === '' ? `mail${safe}` : safe;
}

export function createFileTransport(dir: string): MailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let chain: Promise<unknown> = Promise.resolve();
  const health: TransportHealth = { transport: 'file', state: 'ok' };

  async function write(mail: OutgoingMail): Promise<void> {
    await mkdir(dir, { recursive: true });
    const info = await composer.sendMail(nodemailerMessage(mail));
    const name = storedName(mail.messageId);
    const attachments: StoredMail['attachments'] = [];
    if (mail.calendar) {
      const file = `${name}.1.ics`;
      await writeFile(join(dir, file), mail.calendar.content);
      attachments.push({ filename: mail.calendar.filename, contentType: `text/calendar; method=${mail.calendar.method}`, file });
    }
    for (const [i, img] of (mail.inlineImages ?? []).entries()) {
      const file = `${name}.${i + 2}.png`;
      await writeFile(join(dir, file), img.content);
      attachments.push({ filename: img.filename, contentType: img.contentType, file, cid: img.cid });
    }
    const summary: StoredMailSummary = {
      name, messageId: mail.messageId, date: mail.date.toISOString(), from: mail.from, to: mail.to, subject: mail.subject,
    };
    const stored: StoredMail = { ...summary, text: mail.text, html: mail.html, attachments };
    await writeFile(join(dir, `${name}.eml`), info.message as Buffer);
    await writeFile(join(dir, `${name}.json`), JSON.stringify(stored, null, 2));
    const indexPath = join(dir, INDEX_FILE);
    let index: StoredMailSummary[] = [];
    try {
      index = JSON.parse(await readFile(indexPath, 'utf8')) as StoredMailSummary[];
    } catch {
      index = [];
    }
    index = [...index.filter((m) => m.name !== name), summary];
    const tmp = `${indexPath}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(index, null, 2));
    await rename(tmp, indexPath);
  }

  return {
    kind: 'file',
    send(mail) {
      // one write at a time: index.json is read, changed and replaced
      const next = chain.then(() => write(mail));
      chain = next.catch(() => undefined);
      return next;
    },
    async verify() {
      return health;
    },
    health: () => health,
    async close() {
      await chain;
    },
  };
}
