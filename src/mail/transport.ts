// Where rendered mails go: an SMTP server (smtp-transport.ts) or, without one,
// files on disk shown at /dev/mail (file-transport.ts).
import type { SendMailOptions } from 'nodemailer';
import { maskEmails } from './mask.ts';

export interface OutgoingMail {
  /** `<outbox-42@termine.example.org>`: stable per outbox row, so a resent mail is recognisably the same */
  messageId: string;
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  date: Date;
  /** the calendar file: sent as a text/calendar alternative and as an .ics attachment */
  calendar?: { method: 'REQUEST' | 'PUBLISH' | 'CANCEL'; filename: string; content: string };
  /** images the HTML shows as `<img src="cid:…">` (the kiosk check-in code): sent inline, in a multipart/related part with the HTML */
  inlineImages?: InlineImage[];
}

export interface InlineImage {
  /** the Content-ID without brackets, as the HTML's `cid:` names it */
  cid: string;
  filename: string;
  contentType: 'image/png';
  content: Buffer;
}

export interface TransportHealth {
  transport: 'smtp' | 'file';
  state: 'ok' | 'unreachable' | 'unknown';
  /** why it is unreachable (no credentials in it) */
  reason?: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'file';
  /** Resolves once the mail is accepted (SMTP server said 250, or the file is written); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  /** Checks the connection now and updates health(). Never rejects. */
  verify(): Promise<TransportHealth>;
  health(): TransportHealth;
  close(): Promise<void>;
}

/** The mail as nodemailer takes it (both transports build the same MIME message). */
export function nodemailerMessage(mail: OutgoingMail): SendMailOptions {
  return {
    messageId: mail.messageId,
    date: mail.date,
    from: mail.from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    icalEvent: mail.calendar ? { method: mail.calendar.method, filename: mail.calendar.filename, content: mail.calendar.content } : undefined,
    attachments: mail.inlineImages?.map((i) => ({ cid: i.cid, filename: i.filename, contentType: i.contentType, content: i.content, contentDisposition: 'inline' as const })),
  };
}

/**
 * How a send failed, as the relay treats it:
 * - `rejected`: the server refused this mail for good (5xx to RCPT TO or DATA:
 *   unknown address, full mailbox, refused content): not retried;
 * - `unreachable`: the server, not this mail, is the problem (no connection,
 *   timeout, TLS or login failure): retried, and sent at once when it answers again;
 * - `temporary`: anything else (4xx, a refused sender, a disk error): retried with backoff.
 */
export type SendFailure = 'rejected' | 'unreachable' | 'temporary';

/** What a transport throws when a send fails: the failure class and a message safe for logs. */
export class MailSendError extends Error {
  constructor(readonly failure: SendFailure, message: string) {
    super(message);
    this.name = 'MailSendError';
  }
}

export function failureOf(e: unknown): SendFailure {
  return e instanceof MailSendError ? e.failure : 'temporary';
}

/**
 * An error message safe for logs, /healthz and the outbox: no user:password
 * from a URL, and no e-mail address (SMTP replies quote the recipient).
 */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return maskEmails(msg.replace(/\/\/[^/@\s]*@/g, '//***@')).slice(0, 500);
}
