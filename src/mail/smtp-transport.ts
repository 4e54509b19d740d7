// Sends through an SMTP server (SMTP_URL, e.g. smtp://user:pass@mail.example.org:587
// or smtps://…:465) with nodemailer, over a pool of `connections` connections
// (MAIL_CONNECTIONS), so that many mails go out side by side. health()
// follows the last verify or send: a refused connection makes it
// `unreachable` (shown in /healthz as degraded) until a send or verify works.
// A failed send rejects with a MailSendError that says whether the server
// refused the mail for good (5xx), is unreachable, or failed temporarily; its
// message has the e-mail addresses masked.
import nodemailer from 'nodemailer';
import { describeError, MailSendError, nodemailerMessage, type MailTransport, type OutgoingMail, type SendFailure, type TransportHealth } from './transport.ts';

interface SmtpError {
  code?: string;
  responseCode?: number;
  command?: string;
}

/** Errors that say the server (not this message) is the problem. */
function isConnectionError(e: unknown): boolean {
  const { code, responseCode } = (e ?? {}) as SmtpError;
  // 421: the server closes the connection (shutting down, too busy)
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS', 'EPROTOCOL'].includes(code ?? '') || responseCode === 421;
}

/** How nodemailer's error is treated (see SendFailure). */
export function classifySmtpError(e: unknown): SendFailure {
  if (isConnectionError(e)) return 'unreachable';
  const { code, responseCode, command } = (e ?? {}) as SmtpError;
  if (code === 'EENVELOPE' && command === 'API') return 'rejected'; // an address nodemailer cannot send to at all
  const permanent = typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
  // 5xx to MAIL FROM refuses our sender, i.e. every mail: a setting to fix, not this mail's fault
  if (permanent && (command === 'RCPT TO' || command === 'DATA' || code === 'EMESSAGE')) return 'rejected';
  return 'temporary';
}

export function createSmtpTransport(url: string, opts: { timeoutMs?: number; connections?: number } = {}): MailTransport {
  const timeout = opts.timeoutMs ?? 10_000;
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: opts.connections ?? 4,
    maxMessages: 1000,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
  });
  let health: TransportHealth = { transport: 'smtp', state: 'unknown' };
  return {
    kind: 'smtp',
    async send(mail: OutgoingMail) {
      try {
        await transporter.sendMail(nodemailerMessage(mail));
        health = { transport: 'smtp', state: 'ok' };
      } catch (e) {
        const failure = classifySmtpError(e);
        const reason = describeError(e);
        if (failure === 'unreachable') health = { transport: 'smtp', state: 'unreachable', reason };
        throw new MailSendError(failure, reason);
      }
    },
    async verify() {
      try {
        await transporter.verify();
        health = { transport: 'smtp', state: 'ok' };
      } catch (e) {
        health = { transport: 'smtp', state: 'unreachable', reason: describeError(e) };
      }
      return health;
    },
    health: () => health,
    async close() {
      transporter.close();
    },
  };
}
