// The iCalendar file of an appointment (pure: data -> text).
// - One stable UID per appointment (`<appointment id>@amtszeit`); SEQUENCE is
//   the appointment's `sequence`, raised on every move, so calendar apps
//   replace the old entry instead of adding a second one; a cancellation
//   carries sequence + 1 (it is a change of its own, and apps ignore a CANCEL
//   older than what they have).
// - METHOD:REQUEST for an active appointment, METHOD:CANCEL + STATUS:CANCELLED
//   once it is cancelled. REQUEST/CANCEL is the iTIP pair (RFC 5546): Outlook,
//   Gmail and Apple Mail add a REQUEST attached to a mail as an event they
//   later update (higher SEQUENCE) and remove (CANCEL, same UID). A PUBLISH
//   import is a detached copy that several of them do not update or remove.
//   The organizer is the office, the citizen the only attendee (already
//   accepted, no reply requested), as iTIP requires for both methods.
//   The file downloaded from the API uses PUBLISH (no attendee: it is not an
//   invitation, just the event) — or CANCEL once cancelled.
// - DTSTART/DTEND as local wall-clock time with TZID=<org zone> and a
//   VTIMEZONE generated from the zone's transitions (vtimezone.ts); DTSTAMP in
//   UTC. No JS Date ever reaches ical-generator together with a time zone (it
//   would format it in the host's zone).
// - No manage token in the file: calendars are synced to many places.
import ical, { type ICalCalendar, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../domain/types.ts';
import type { MailAppointment } from './appointment-data.ts';
import { manageLink } from './links.ts';
import { vtimezone } from './vtimezone.ts';

export type CalendarMethod = 'REQUEST' | 'PUBLISH' | 'CANCEL';

export interface CalendarEventData {
  uid: string;
  sequence: number;
  /** epoch ms */
  start: number;
  end: number;
  timeZone: string;
  /** when this version of the event was made (epoch ms), written as UTC */
  stamp: number;
  summary: string;
  location: string;
  description: string;
  url?: string;
  cancelled: boolean;
  organizer: { name: string; email: string };
  /** the citizen; only used with method REQUEST/CANCEL */
  attendee?: { name?: string; email: string };
  /** REQUEST (mail attachments) or PUBLISH (download); a cancelled event is always CANCEL */
  method: 'REQUEST' | 'PUBLISH';
}

export function calendarMethod(e: Pick<CalendarEventData, 'cancelled' | 'method'>): CalendarMethod {
  return e.cancelled ? 'CANCEL' : e.method;
}

export function buildCalendar(e: CalendarEventData): string {
  const method = calendarMethod(e);
  const cal = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod[method],
    // name: null keeps DTSTAMP in UTC; the generator writes the VTIMEZONE of the event's zone.
    timezone: { name: null, generator: (tz) => vtimezone(tz, e.start, e.end) },
  });
  addEvent(cal, e, method);
  return cal.toString();
}

/**
 * A subscribed calendar (a feed): METHOD:PUBLISH with many events, a name
 * (X-WR-CALNAME) and a refresh interval; one VTIMEZONE covering `from`..`to`.
 * Each event is written exactly as in a single file (same UID and SEQUENCE).
 */
export function buildCalendarFeed(f: { name: string; from: number; to: number; refreshMinutes: number; events: CalendarEventData[] }): string {
  const cal = ical({
    prodId: PROD_ID,
    method: ICalCalendarMethod.PUBLISH,
    name: f.name,
    ttl: f.refreshMinutes * 60,
    timezone: { name: null, generator: (tz) => vtimezone(tz, f.from, f.to) },
  });
  for (const e of f.events) addEvent(cal, { ...e, method: 'PUBLISH' }, 'PUBLISH');
  return cal.toString();
}

const PROD_ID = { company: 'Amtszeit', product: 'Amtszeit', language: 'DE' };

function addEvent(cal: ICalCalendar, e: CalendarEventData, method: CalendarMethod): void {
  const zoned = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(e.timeZone);
  const event = cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    start: zoned(e.start),
    end: zoned(e.end),
    timezone: e.timeZone,
    stamp: Temporal.Instant.fromEpochMilliseconds(e.stamp),
    summary: e.summary,
    location: e.location,
    description: e.description,
    url: e.url ?? null,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer,
  });
  if (e.attendee && method !== 'PUBLISH') {
    event.createAttendee({
      email: e.attendee.email,
      name: e.attendee.name,
      role: ICalAttendeeRole.REQ,
      status: e.cancelled ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      rsvp: false,
    });
  }
}

const T = {
  de: { reference: 'Buchungsnummer', bring: 'Bitte mitbringen:', manage: 'Termin ansehen, verschieben oder absagen', phone: 'Telefon', cancelled: 'Abgesagt' },
  en: { reference: 'Reference', bring: 'Please bring:', manage: 'View, move or cancel the appointment', phone: 'Phone', cancelled: 'Cancelled' },
} as const;

/** The calendar event of an appointment, in the booking's language. */
export function appointmentEvent(
  a: MailAppointment,
  opts: { locale: Locale; cancelled: boolean; method: 'REQUEST' | 'PUBLISH'; stamp: number; fallbackOrganizerEmail?: string },
): CalendarEventData {
  const t = T[opts.locale];
  const services = a.services.map((s) => `${s.quantity} × ${s.name}`);
  const description = [
    `${t.reference}: ${a.reference}`,
    '',
    ...services,
    ...(a.documents.length > 0 ? ['', t.bring, ...a.documents.map((d) => `- ${d}`)] : []),
    '',
    ...(a.office.phone ? [`${t.phone}: ${a.office.phone}`] : []),
    `${t.manage}: ${manageLink(a.publicUrl, a.reference)}`,
  ].join('\n');
  const location = [a.office.name, a.office.address].filter(Boolean).join(', ');
  return {
    uid: `${a.id}@amtszeit`,
    // A cancellation is a change of its own (RFC 5546 2.1.4): one above the last version sent.
    sequence: opts.cancelled ? a.sequence + 1 : a.sequence,
    start: a.startsAt,
    end: a.endsAt,
    timeZone: a.timeZone,
    stamp: opts.stamp,
    summary: `${opts.cancelled ? `${t.cancelled}: ` : ''}${a.office.name} – ${a.orgName}`,
    location,
    description,
    url: manageLink(a.publicUrl, a.reference),
    cancelled: opts.cancelled,
    organizer: { name: a.office.name, email: a.office.email || opts.fallbackOrganizerEmail || 'noreply@localhost' },
    attendee: a.contactEmail ? { email: a.contactEmail, name: a.contactName ?? undefined } : undefined,
    method: opts.method,
  };
}
