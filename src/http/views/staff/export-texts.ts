// Texts of the CSV export (the form and the file's headers and words), German
// first, English second.
import type { Locale } from '../../../domain/types.ts';
import type { ExportStatus } from '../../../app/staff/export-appointments.ts';

const de = {
  page: {
    title: 'CSV-Export',
    intro: 'Die Termine einer Dienststelle als CSV-Datei für Excel und LibreOffice (Semikolon, UTF-8): höchstens 366 Tage, abgesagte Termine eingeschlossen.',
    from: 'Von', to: 'Bis', dateHint: 'TT.MM.JJJJ, z. B. 03.12.2026',
    personal: 'Personenbezogene Daten',
    personalHint: 'Exportieren Sie Namen und Kontaktdaten nur, wenn Sie sie für die Aufgabe brauchen. Speichern Sie die Datei nur dort, wo es erlaubt ist, und löschen Sie sie, wenn sie nicht mehr gebraucht wird.',
    without: 'Ohne personenbezogene Daten (Zeiten, Anliegen, Status, Buchungsnummer)',
    with: 'Mit personenbezogenen Daten: zusätzlich Name, E-Mail-Adresse, Telefonnummer und wer im Amt abgesagt hat. Dieser Export wird protokolliert.',
    submit: 'CSV herunterladen',
    dateMissing: 'Bitte geben Sie ein Datum ein (TT.MM.JJJJ, z. B. 03.12.2026).',
    dateInvalid: (value: string) => `„${value}“ ist kein gültiges Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 03.12.2026.`,
    endBeforeStart: 'Ende vor Beginn: „Bis“ darf nicht vor „Von“ liegen.',
    tooLong: (n: number) => `Zeitraum zu lang: höchstens ${n} Tage. Bitte teilen Sie den Export auf.`,
  },
  csv: {
    headers: {
      date: 'Datum', start: 'Beginn', end: 'Ende', office: 'Amt', concerns: 'Anliegen', channel: 'Kanal', status: 'Status',
      reference: 'Buchungsnummer', counter: 'Schalter', conflict: 'Konflikt', cancelledBy: 'Abgesagt von', cancelledAt: 'Abgesagt am',
      name: 'Name', email: 'E-Mail', phone: 'Telefon',
    },
    channel: { online: 'online', phone: 'Telefon', counter: 'Schalter' },
    status: {
      pending: 'unbestätigt', booked: 'gebucht', checked_in: 'erschienen', completed: 'erledigt', no_show: 'nicht erschienen',
      cancelled_by_citizen: 'abgesagt durch Bürger/in', cancelled_by_office: 'abgesagt durch Amt',
      lapsed: 'abgesagt durch System (nicht bestätigt)', cancelled: 'abgesagt',
    } as Record<ExportStatus, string>,
    by: { citizen: 'Bürger/in', office: 'Amt', system: 'System' },
    yes: 'ja',
    fileName: (office: string, from: string, to: string, personal: boolean) => `termine-${office}-${from}-${to}${personal ? '-mit-personendaten' : ''}.csv`,
  },
};

export type ExportTexts = typeof de;

const en: ExportTexts = {
  page: {
    title: 'CSV export',
    intro: 'The appointments of an office as a CSV file for Excel and LibreOffice (semicolons, UTF-8): at most 366 days, cancelled appointments included.',
    from: 'From', to: 'To', dateHint: 'DD.MM.YYYY, e.g. 03.12.2026',
    personal: 'Personal data',
    personalHint: 'Export names and contact details only when the task needs them. Keep the file only where that is allowed, and delete it when it is no longer needed.',
    without: 'Without personal data (times, concerns, status, reference)',
    with: 'With personal data: also name, e-mail address, phone number and who of the office cancelled. This export is recorded in the audit log.',
    submit: 'Download CSV',
    dateMissing: 'Please enter a date (DD.MM.YYYY, e.g. 03.12.2026).',
    dateInvalid: (value) => `“${value}” is not a valid date. Please enter it as DD.MM.YYYY, e.g. 03.12.2026.`,
    endBeforeStart: 'End before start: “To” must not be before “From”.',
    tooLong: (n) => `Period too long: at most ${n} days. Please split the export.`,
  },
  csv: {
    headers: {
      date: 'Date', start: 'Start', end: 'End', office: 'Office', concerns: 'Concerns', channel: 'Channel', status: 'Status',
      reference: 'Reference', counter: 'Counter', conflict: 'Conflict', cancelledBy: 'Cancelled by', cancelledAt: 'Cancelled at',
      name: 'Name', email: 'E-mail', phone: 'Phone',
    },
    channel: { online: 'online', phone: 'phone', counter: 'counter' },
    status: {
      pending: 'unconfirmed', booked: 'booked', checked_in: 'arrived', completed: 'completed', no_show: 'no-show',
      cancelled_by_citizen: 'cancelled by the citizen', cancelled_by_office: 'cancelled by the office',
      lapsed: 'cancelled by the system (not confirmed)', cancelled: 'cancelled',
    },
    by: { citizen: 'citizen', office: 'office', system: 'system' },
    yes: 'yes',
    fileName: (office, from, to, personal) => `appointments-${office}-${from}-${to}${personal ? '-with-personal-data' : ''}.csv`,
  },
};

export function exportTexts(locale: Locale): ExportTexts {
  return locale === 'en' ? en : de;
}
