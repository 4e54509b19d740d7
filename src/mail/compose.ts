// Turns an outbox row into the mail to send (pure): which template, which
// link token, the calendar file, the stable Message-ID — or why the mail is
// pointless by now (e.g. a reminder for an appointment cancelled meanwhile).
// Mails about a booked appointment (confirmation, move, reminder) carry the
// kiosk check-in code as an inline PNG (the only reason this is async).
import type { Locale, OrgConfig } from '../domain/types.ts';
import { mailAppointment, type AppointmentFacts } from './appointment-data.ts';
import { appointmentEvent, buildCalendar, calendarMethod } from './calendar.ts';
import { checkinCodePng } from './checkin-code.ts';
import { publicHost } from './links.ts';
import { calendarAttachment, renderMail, type CheckinImage, type MailTemplateInput } from './templates.ts';
import type { InlineImage, OutgoingMail } from './transport.ts';

/** Pixels per module of the check-in code's PNG: 29 modules × 6 = 174 px, shown 1:1. */
const CHECKIN_SCALE = 6;

export interface OutboxMailRow {
  id: string;
  kind: string;
  recipient: string;
  locale: string;
  payload: unknown;
}

export type Composed = { kind: 'mail'; mail: OutgoingMail } | { kind: 'skip'; reason: string } | { kind: 'fail'; reason: string };

export function messageIdFor(outboxId: string, publicUrl: string): string {
  return `<outbox-${outboxId}@${publicHost(publicUrl)}>`;
}

/** MAIL_FROM, else `"<org name>" <noreply@<public host>>`. */
export function senderFor(config: OrgConfig, mailFrom?: string): string {
  if (mailFrom) return mailFrom;
  const name = config.organization.name.replace(/["\\]/g, '');
  return `"${name}" <noreply@${publicHost(config.organization.publicUrl)}>`;
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

export async function composeOutboxMail(q: {
  row: OutboxMailRow;
  appointment: (AppointmentFacts & { status: string }) | undefined;
  config: OrgConfig;
  mailFrom?: string;
  now: number;
}): Promise<Composed> {
  const { row, appointment: appt, config } = q;
  if (!appt) return { kind: 'fail', reason: 'the appointment no longer exists' };
  const locale: Locale = row.locale === 'en' ? 'en' : 'de';
  const payload = (row.payload && typeof row.payload === 'object' ? row.payload : {}) as Record<string, unknown>;
  const token = str(payload.manageToken);
  const a = mailAppointment(appt, config, locale);
  const cancelled = appt.status === 'cancelled';
  // the kiosk takes booked appointments only: none while pending, cancelled or done
  const checkin: CheckinImage | undefined = appt.status === 'booked'
    ? { cid: `checkin-${a.reference}@${publicHost(config.organization.publicUrl)}`, size: 29 * CHECKIN_SCALE }
    : undefined;

  let input: MailTemplateInput;
  switch (row.kind) {
    case 'booking_confirmation':
      if (cancelled) return { kind: 'skip', reason: 'appointment cancelled before the confirmation went out' };
      input = { kind: 'booking_confirmation', appointment: a, token, checkin };
      break;
    case 'confirm_request':
      if (appt.status !== 'pending') return { kind: 'skip', reason: `appointment is ${appt.status}, no longer awaiting confirmation` };
      if (appt.expires_at && appt.expires_at.getTime() <= q.now) return { kind: 'skip', reason: 'confirmation deadline passed' };
      input = { kind: 'confirm_request', appointment: a, token, deadline: appt.expires_at?.getTime() ?? a.startsAt };
      break;
    case 'reschedule': {
      if (cancelled) return { kind: 'skip', reason: 'appointment cancelled before the move notice went out' };
      const prev = str(payload.previousStartsAt);
      input = { kind: 'reschedule', appointment: a, previousStartsAt: prev ? Date.parse(prev) : null, token, reason: str(payload.reason), checkin };
      break;
    }
    case 'reminder':
      if (appt.status !== 'booked') return { kind: 'skip', reason: `appointment is ${appt.status}` };
      if (appt.starts_at.getTime() <= q.now) return { kind: 'skip', reason: 'appointment already started' };
      input = { kind: 'reminder', appointment: a, checkin };
      break;
    case 'cancellation':
      input = { kind: 'cancellation', appointment: a };
      break;
    case 'staff_cancellation':
      input = { kind: 'staff_cancellation', appointment: a, reason: str(payload.reason) };
      break;
    default:
      return { kind: 'fail', reason: `unknown mail kind ${row.kind}` };
  }

  const rendered = renderMail(input, locale);
  const attach = calendarAttachment(input.kind);
  let calendar: OutgoingMail['calendar'];
  if (attach) {
    const event = appointmentEvent(a, {
      locale,
      method: 'REQUEST',
      cancelled: attach === 'cancel',
      stamp: q.now,
      fallbackOrganizerEmail: `noreply@${publicHost(config.organization.publicUrl)}`,
    });
    const method = calendarMethod(event);
    calendar = { method, filename: `termin-${a.reference}.ics`, content: buildCalendar(event) };
  }
  let inlineImages: InlineImage[] | undefined;
  if ('checkin' in input && input.checkin) {
    const png = await checkinCodePng(a.reference, CHECKIN_SCALE);
    inlineImages = [{ cid: input.checkin.cid, filename: `checkin-${a.reference}.png`, contentType: 'image/png', content: png }];
  }
  return {
    kind: 'mail',
    mail: {
      messageId: messageIdFor(row.id, config.organization.publicUrl),
      from: senderFor(config, q.mailFrom),
      replyTo: a.office.email || undefined,
      to: row.recipient,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      date: new Date(q.now),
      calendar,
      inlineImages,
    },
  };
}
