// One appointment as an event of an office's calendar feed for staff (pure).
// Same UID and SEQUENCE as the citizen's calendar files (calendar.ts), so a
// calendar app that has both sees one appointment. Data protection: feed URLs
// end up in calendar apps and the clouds behind them, outside the city's
// systems, so an event carries the reference, concerns, counter, channel and
// status (and a conflict kept by a configuration change) — no name, e-mail or phone. The reference is enough to find the
// person in the back office (the event links there; it needs a login).
import type { Locale } from '../domain/types.ts';
import type { MailAppointment } from './appointment-data.ts';
import type { CalendarEventData } from './calendar.ts';

const T = {
  de: {
    counter: 'Schalter', channel: 'Gebucht über', status: 'Status',
    conflict: 'KONFLIKT', conflictText: 'Passt nicht mehr zu den Öffnungszeiten oder Einstellungen: bitte verschieben oder absagen.',
    channels: { online: 'online', phone: 'Telefon', counter: 'vor Ort' } as Record<string, string>,
    statuses: { pending: 'unbestätigt', booked: 'gebucht', checked_in: 'angekommen', completed: 'erledigt', no_show: 'nicht erschienen' } as Record<string, string>,
  },
  en: {
    counter: 'Counter', channel: 'Booked via', status: 'Status',
    conflict: 'CONFLICT', conflictText: 'No longer fits the opening hours or settings: please move or cancel it.',
    channels: { online: 'online', phone: 'phone', counter: 'walk-in' } as Record<string, string>,
    statuses: { pending: 'unconfirmed', booked: 'booked', checked_in: 'arrived', completed: 'completed', no_show: 'no-show' } as Record<string, string>,
  },
} as const;

export function staffFeedEvent(
  a: MailAppointment,
  extra: { lane: number; channel: string; status: string; locale: Locale; staffUrl: string; conflict?: boolean },
): CalendarEventData {
  const t = T[extra.locale];
  const concerns = a.services.map((s) => `${s.quantity} × ${s.name}`);
  return {
    uid: `${a.id}@amtszeit`,
    sequence: a.sequence,
    start: a.startsAt,
    end: a.endsAt,
    timeZone: a.timeZone,
    stamp: a.updatedAt,
    summary: `${extra.conflict ? `${t.conflict} ` : ''}${a.reference}: ${concerns.join(', ')}`,
    location: [a.office.name, a.office.address].filter(Boolean).join(', '),
    description: [
      ...(extra.conflict ? [t.conflictText, ''] : []),
      ...concerns,
      '',
      `${t.counter} ${extra.lane + 1}`,
      `${t.channel}: ${t.channels[extra.channel] ?? extra.channel}`,
      `${t.status}: ${t.statuses[extra.status] ?? extra.status}`,
    ].join('\n'),
    url: extra.staffUrl,
    cancelled: false,
    organizer: { name: a.office.name, email: a.office.email || 'noreply@localhost' },
    method: 'PUBLISH',
  };
}
