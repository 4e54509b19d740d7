// Every address a mail or calendar file links to, in one place, so the
// citizen pages know what they must serve:
//   GET /termin/REF?token=T            the appointment: view, move, cancel
//   GET /termin/REF/bestaetigen?token=T confirm a pending booking (a page with a button:
//                                       link scanners prefetch GET links)
//   GET /termin/REF                    no token: ask for a new link by e-mail, or call the office
//   GET /api/v1/appointments/REF/calendar.ics?token=T   the calendar file (API)

/** The organization's public address without a trailing slash. */
export function baseUrl(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/** The host name of the public address, for Message-IDs and the default sender. */
export function publicHost(publicUrl: string): string {
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

const q = (token: string) => `?token=${encodeURIComponent(token)}`;

export function manageLink(publicUrl: string, reference: string, token?: string | null): string {
  return `${baseUrl(publicUrl)}/termin/${reference}${token ? q(token) : ''}`;
}

export function confirmLink(publicUrl: string, reference: string, token: string): string {
  return `${baseUrl(publicUrl)}/termin/${reference}/bestaetigen${q(token)}`;
}

export function calendarLink(publicUrl: string, reference: string, token: string): string {
  return `${baseUrl(publicUrl)}/api/v1/appointments/${reference}/calendar.ics${q(token)}`;
}
