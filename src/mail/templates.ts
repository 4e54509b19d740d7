// The mails (pure: data -> { subject, text, html }), German and English.
import type { Locale } from '../domain/types.ts';
import type { MailAppointment } from './appointment-data.ts';
import { formatDate, formatDateTime, formatDuration, formatTime, formatWeekday } from './format.ts';
import { calendarLink, confirmLink, manageLink } from './links.ts';
import { renderHtml, renderText, type Block } from './markup.ts';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** The kiosk check-in code in a mail: the inline image's Content-ID and its size in pixels. */
export interface CheckinImage {
  cid: string;
  size: number;
}

export type MailTemplateInput =
  | { kind: 'booking_confirmation'; appointment: MailAppointment; token: string | null; checkin?: CheckinImage }
  | { kind: 'confirm_request'; appointment: MailAppointment; token: string | null; deadline: number }
  | { kind: 'cancellation'; appointment: MailAppointment }
  | { kind: 'reschedule'; appointment: MailAppointment; previousStartsAt: number | null; token?: string | null; reason?: string | null; checkin?: CheckinImage }
  | { kind: 'reminder'; appointment: MailAppointment; checkin?: CheckinImage }
  | { kind: 'staff_cancellation'; appointment: MailAppointment; reason?: string | null };

export type TemplateKind = MailTemplateInput['kind'];

const de = {
  hello: (name: string | null) => (name ? `Guten Tag ${name},` : 'Guten Tag,'),
  when: (a: MailAppointment) => formatDateTime(a.startsAt, a.timeZone, 'de'),
  subject: {
    booking_confirmation: (a: MailAppointment) => `Terminbestätigung: ${de.when(a)} (${a.reference})`,
    confirm_request: (a: MailAppointment) => `Bitte bestätigen Sie Ihren Termin: ${de.when(a)} (${a.reference})`,
    cancellation: (a: MailAppointment) => `Termin abgesagt: ${de.when(a)} (${a.reference})`,
    reschedule: (a: MailAppointment) => `Termin verschoben auf ${de.when(a)} (${a.reference})`,
    reminder: (a: MailAppointment) => `Erinnerung an Ihren Termin: ${de.when(a)} (${a.reference})`,
    staff_cancellation: (a: MailAppointment) => `Ihr Termin wurde vom Amt abgesagt: ${de.when(a)} (${a.reference})`,
  },
  intro: {
    booking_confirmation: (a: MailAppointment) => 'Ihr Termin ist gebucht. Hier sind alle Angaben:',
    confirm_request: (a: MailAppointment) => 'Sie haben einen Termin reserviert. Er wird erst verbindlich, wenn Sie ihn bestätigen.',
    cancellation: (a: MailAppointment) => 'Ihr Termin ist abgesagt. Die Zeit ist wieder für andere frei.',
    reschedule: (a: MailAppointment) => 'Ihr Termin wurde verschoben. Hier sind die neuen Angaben:',
    reminder: (a: MailAppointment) => `wir erinnern Sie an Ihren Termin (${a.office.name}).`,
    staff_cancellation: (a: MailAppointment) => 'leider müssen wir Ihren Termin absagen. Bitte entschuldigen Sie die Unannehmlichkeiten.',
  },
  labels: {
    office: 'Ort', address: 'Adresse', day: 'Tag', date: 'Datum', time: 'Uhrzeit', duration: 'Dauer', concerns: 'Anliegen',
    reference: 'Buchungsnummer', phone: 'Telefon', fees: 'Gebühren', bring: 'Bitte mitbringen', previous: 'Bisher', now: 'Neu',
    reason: 'Grund', deadline: 'Bestätigen bis',
  },
  time: (ms: number, tz: string) => `${formatTime(ms, tz)} Uhr`,
  confirmLink: 'Termin jetzt bestätigen',
  confirmNote: (deadline: string) => `Bitte bestätigen Sie bis ${deadline}. Ohne Bestätigung geben wir die Zeit danach automatisch wieder frei.`,
  manageLink: 'Termin ansehen, verschieben oder absagen',
  calendarLink: 'Termin in den Kalender übernehmen (.ics)',
  calendarAttached: 'Die Kalenderdatei im Anhang übernimmt den Termin in Ihren Kalender.',
  calendarCancelAttached: 'Die Kalenderdatei im Anhang entfernt den Termin aus Ihrem Kalender.',
  noToken: (a: MailAppointment) =>
    `Aus Sicherheitsgründen enthält diese E-Mail keinen persönlichen Link. Auf der folgenden Seite können Sie mit Ihrer Buchungsnummer ${a.reference} einen neuen Link an Ihre E-Mail-Adresse anfordern, um den Termin zu verschieben oder abzusagen${a.office.phone ? ` – oder Sie rufen uns an: ${a.office.phone}` : ''}.`,
  manageWithoutToken: 'Neuen Link anfordern',
  cancelHint: 'Wenn Sie den Termin nicht wahrnehmen können, sagen Sie ihn bitte ab, damit jemand anderes ihn nutzen kann.',
  rebook: (a: MailAppointment) => `Einen neuen Termin können Sie jederzeit unter ${a.publicUrl} buchen.`,
  questions: (a: MailAppointment) => (a.office.phone ? `Bei Fragen erreichen Sie uns telefonisch unter ${a.office.phone}.` : ''),
  footer: (a: MailAppointment) => `Mit freundlichen Grüßen\n${a.office.name}, ${a.orgName}`,
  auto: 'Diese E-Mail wurde automatisch erstellt.',
  quantity: (q: number, name: string) => `${q} × ${name}`,
  checkinHeading: 'Einchecken am Termintag',
  checkinAlt: (ref: string) => `QR-Code mit Ihrer Buchungsnummer ${ref} zum Einchecken am Terminal`,
  checkinText: (ref: string) => `Am Tag des Termins: Code am Terminal im Wartebereich scannen oder Buchungsnummer ${ref} eingeben.`,
};

type Texts = typeof de;

const en: Texts = {
  hello: (name) => (name ? `Dear ${name},` : 'Hello,'),
  when: (a) => formatDateTime(a.startsAt, a.timeZone, 'en'),
  subject: {
    booking_confirmation: (a) => `Appointment confirmed: ${en.when(a)} (${a.reference})`,
    confirm_request: (a) => `Please confirm your appointment: ${en.when(a)} (${a.reference})`,
    cancellation: (a) => `Appointment cancelled: ${en.when(a)} (${a.reference})`,
    reschedule: (a) => `Appointment moved to ${en.when(a)} (${a.reference})`,
    reminder: (a) => `Reminder of your appointment: ${en.when(a)} (${a.reference})`,
    staff_cancellation: (a) => `Your appointment has been cancelled by the office: ${en.when(a)} (${a.reference})`,
  },
  intro: {
    booking_confirmation: (a) => 'Your appointment is booked. Here are the details:',
    confirm_request: (a) => 'You have reserved an appointment. It becomes binding only once you confirm it.',
    cancellation: (a) => 'Your appointment has been cancelled. The time is free for others again.',
    reschedule: (a) => 'Your appointment has been moved. Here are the new details:',
    reminder: (a) => `this is a reminder of your appointment (${a.office.name}).`,
    staff_cancellation: (a) => 'unfortunately we have to cancel your appointment. We apologise for the inconvenience.',
  },
  labels: {
    office: 'Place', address: 'Address', day: 'Day', date: 'Date', time: 'Time', duration: 'Duration', concerns: 'Concerns',
    reference: 'Reference', phone: 'Phone', fees: 'Fees', bring: 'Please bring', previous: 'Before', now: 'Now',
    reason: 'Reason', deadline: 'Confirm by',
  },
  time: (ms, tz) => formatTime(ms, tz),
  confirmLink: 'Confirm the appointment now',
  confirmNote: (deadline) => `Please confirm by ${deadline}. Without confirmation the time is released automatically afterwards.`,
  manageLink: 'View, move or cancel the appointment',
  calendarLink: 'Add the appointment to your calendar (.ics)',
  calendarAttached: 'The attached calendar file adds the appointment to your calendar.',
  calendarCancelAttached: 'The attached calendar file removes the appointment from your calendar.',
  noToken: (a) =>
    `For your security this e-mail contains no personal link. On the following page you can enter your reference ${a.reference} to have a new link sent to your e-mail address, to move or cancel the appointment${a.office.phone ? ` – or call us: ${a.office.phone}` : ''}.`,
  manageWithoutToken: 'Request a new link',
  cancelHint: 'If you cannot come, please cancel the appointment so that someone else can use it.',
  rebook: (a) => `You can book a new appointment at any time at ${a.publicUrl}.`,
  questions: (a) => (a.office.phone ? `Questions? Call us on ${a.office.phone}.` : ''),
  footer: (a) => `Kind regards\n${a.office.name}, ${a.orgName}`,
  auto: 'This e-mail was generated automatically.',
  quantity: (q, name) => `${q} × ${name}`,
  checkinHeading: 'Checking in on the day',
  checkinAlt: (ref) => `QR code with your reference ${ref} for checking in at the kiosk`,
  checkinText: (ref) => `On the day of the appointment: scan the code at the kiosk in the waiting area or enter your reference ${ref}.`,
};

const TEXTS: Record<Locale, Texts> = { de, en };

function details(a: MailAppointment, t: Texts, locale: Locale, opts: { previous?: number | null } = {}): Block[] {
  const rows: [string, string][] = [];
  if (opts.previous != null) rows.push([t.labels.previous, formatDateTime(opts.previous, a.timeZone, locale)]);
  rows.push(
    [t.labels.day, formatWeekday(a.startsAt, a.timeZone, locale)],
    [t.labels.date, formatDate(a.startsAt, a.timeZone, locale)],
    [t.labels.time, t.time(a.startsAt, a.timeZone)],
    [t.labels.duration, formatDuration(a.durationMinutes, locale)],
    [t.labels.office, a.office.name],
  );
  if (a.office.address) rows.push([t.labels.address, a.office.address]);
  rows.push([t.labels.concerns, a.services.map((s) => t.quantity(s.quantity, s.name)).join('\n')]);
  rows.push([t.labels.reference, a.reference]);
  if (a.office.phone) rows.push([t.labels.phone, a.office.phone]);
  return [{ type: 'facts', rows }];
}

function bring(a: MailAppointment, t: Texts): Block[] {
  const blocks: Block[] = [];
  if (a.documents.length > 0) blocks.push({ type: 'h', text: t.labels.bring }, { type: 'list', items: a.documents });
  const fees = a.services.filter((s) => s.fee);
  if (fees.length > 0) blocks.push({ type: 'h', text: t.labels.fees }, { type: 'list', items: fees.map((s) => `${t.quantity(s.quantity, s.name)}: ${s.fee}`) });
  return blocks;
}

function manage(a: MailAppointment, t: Texts, token: string | null | undefined): Block[] {
  if (token) {
    return [
      { type: 'link', label: t.manageLink, href: manageLink(a.publicUrl, a.reference, token) },
      { type: 'link', label: t.calendarLink, href: calendarLink(a.publicUrl, a.reference, token) },
    ];
  }
  return [{ type: 'p', text: t.noToken(a) }, { type: 'link', label: t.manageWithoutToken, href: manageLink(a.publicUrl, a.reference) }];
}

/** The kiosk check-in code (booked appointments only; compose.ts decides): the image in HTML, the reference in words in both parts. */
function checkin(a: MailAppointment, t: Texts, image: CheckinImage | undefined): Block[] {
  if (!image) return [];
  return [
    { type: 'h', text: t.checkinHeading },
    { type: 'image', cid: image.cid, alt: t.checkinAlt(a.reference), size: image.size },
    { type: 'p', text: t.checkinText(a.reference) },
  ];
}

function closing(a: MailAppointment, t: Texts): Block[] {
  const q = t.questions(a);
  return [...(q ? [{ type: 'p' as const, text: q }] : []), { type: 'p', text: t.footer(a) }, { type: 'p', text: t.auto }];
}

export function renderMail(input: MailTemplateInput, locale: Locale): RenderedMail {
  const t = TEXTS[locale];
  const a = input.appointment;
  const subject = t.subject[input.kind](a);
  const blocks: Block[] = [{ type: 'p', text: t.hello(a.contactName) }, { type: 'p', text: t.intro[input.kind](a) }];
  switch (input.kind) {
    case 'booking_confirmation':
      blocks.push(...details(a, t, locale), ...bring(a, t), ...checkin(a, t, input.checkin), { type: 'p', text: t.calendarAttached }, ...manage(a, t, input.token), { type: 'p', text: t.cancelHint });
      break;
    case 'confirm_request': {
      const deadline = formatDateTime(input.deadline, a.timeZone, locale);
      if (input.token) blocks.push({ type: 'link', label: t.confirmLink, href: confirmLink(a.publicUrl, a.reference, input.token) });
      blocks.push({ type: 'note', text: t.confirmNote(deadline) }, ...details(a, t, locale), ...bring(a, t));
      if (!input.token) blocks.push(...manage(a, t, null));
      break;
    }
    case 'cancellation':
      blocks.push(...details(a, t, locale), { type: 'p', text: t.calendarCancelAttached }, { type: 'p', text: t.rebook(a) });
      break;
    case 'staff_cancellation':
      if (input.reason) blocks.push({ type: 'facts', rows: [[t.labels.reason, input.reason]] });
      blocks.push(...details(a, t, locale), { type: 'p', text: t.calendarCancelAttached }, { type: 'p', text: t.rebook(a) });
      break;
    case 'reschedule':
      // staff moved it (the office closed or has fewer counters): say why
      if (input.reason) blocks.push({ type: 'facts', rows: [[t.labels.reason, input.reason]] });
      blocks.push(...details(a, t, locale, { previous: input.previousStartsAt }), ...bring(a, t), ...checkin(a, t, input.checkin), { type: 'p', text: t.calendarAttached }, ...manage(a, t, input.token));
      break;
    case 'reminder':
      blocks.push(...details(a, t, locale), ...bring(a, t), ...checkin(a, t, input.checkin), ...manage(a, t, null), { type: 'p', text: t.cancelHint });
      break;
  }
  blocks.push(...closing(a, t));
  return { subject, text: renderText(blocks), html: renderHtml(blocks, { lang: locale, title: subject }) };
}

/** Which mails carry the calendar file, and whether it cancels the event. */
export function calendarAttachment(kind: TemplateKind): 'event' | 'cancel' | null {
  if (kind === 'booking_confirmation' || kind === 'reschedule') return 'event';
  if (kind === 'cancellation' || kind === 'staff_cancellation') return 'cancel';
  return null;
}
