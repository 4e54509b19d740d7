// Sends through an SMTP server (SMTP_URL, e.g. smtp://user:pass@mail.example.org:587
// or smtps://…:465) with nodemailer, over a small connection pool. health()
// follows the last verify or send: a refused connection makes it
// `unreachable` (shown in /healthz as degraded) until a send or verify works.
import nodemailer from 'nodemailer';
import { describeError, nodemailerMessage, type MailTransport, type OutgoingMail, type TransportHealth } from './transport.ts';

/** Errors that say the server (not this message) is the problem. */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS', 'EPROTOCOL'].includes(code ?? '');
}

export function createSmtpTransport(url: string, opts: { timeoutMs?: number } = {}): MailTransport {
  const timeout = opts.timeoutMs ?? 10_000;
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
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
        if (isConnectionError(e)) health = { transport: 'smtp', state: 'unreachable', reason: describeError(e) };
        throw e;
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
