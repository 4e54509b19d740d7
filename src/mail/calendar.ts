// The iCalendar file of an appointment (pure: data -> text). One stable UID per
// appointment; SEQUENCE rises with every move; a cancelled one is METHOD:CANCEL.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEventData {
  uid: string;
  sequence: number;
  start: number;
  end: number;
  summary: string;
  location: string;
  description: string;
  url?: string;
  cancelled: boolean;
  organizer: { name: string; email: string };
  stamp: number;
}

export function appointmentIcs(e: CalendarEventData): string {
  const cal = ical({
    prodId: { company: 'Amtszeit', product: 'Amtszeit', language: 'DE' },
    method: e.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  cal.createEvent({
    id: e.uid,
    sequence: e.sequence,
    // UTC instants: never the host clock's zone.
    start: new Date(e.start),
    end: new Date(e.end),
    stamp: new Date(e.stamp),
    summary: e.summary,
    location: e.location,
    description: e.description,
    url: e.url,
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: e.organizer,
  });
  return cal.toString();
}
