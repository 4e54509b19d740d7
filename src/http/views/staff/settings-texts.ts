// Texts of the settings pages and the audit log, German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  nav: { settings: 'Einstellungen', audit: 'Protokoll' },
  overview: {
    title: 'Einstellungen', concerns: 'Anliegen', concernsText: 'Für alle Dienststellen: Texte, Dauer, Unterlagen.',
    offices: 'Dienststellen', hours: 'Öffnungszeiten und Kapazität', rules: 'Buchungsregeln', details: 'Angaben und angebotene Anliegen',
    validated: 'Jede Änderung wird geprüft wie ein Import der Konfigurationsdatei und im Protokoll festgehalten.',
  },
  common: {
    save: 'Speichern', back: 'Zurück zu den Einstellungen', optional: '(freiwillig)', yes: 'ja', no: 'nein',
    saved: 'Gespeichert.', unchanged: 'Nichts geändert.',
    kept: (n: number) => `Gespeichert. ${n === 1 ? '1 Termin passt' : `${n} Termine passen`} nicht mehr und ${n === 1 ? 'ist' : 'sind'} als Konflikt markiert (in der Tagesansicht zuerst).`,
    stale: 'Die Einstellungen wurden inzwischen geändert (von jemand anderem oder in einem anderen Fenster). Ihre Änderung wurde nicht gespeichert. Unten steht der aktuelle Stand – bitte tragen Sie Ihre Änderung noch einmal ein.',
    conflicts: (n: number) => n === 1 ? '1 gebuchter Termin passt nicht mehr zu dieser Änderung' : `${n} gebuchte Termine passen nicht mehr zu dieser Änderung`,
    conflictsText: 'Noch ist nichts gespeichert. Sie können abbrechen oder die Änderung übernehmen: dann bleiben die Termine bestehen und werden als Konflikt markiert, bis sie verschoben oder abgesagt sind.',
    confirm: 'Übernehmen und Termine als Konflikt behalten', cancel: 'Abbrechen (nichts ändern)',
    reference: 'Buchungsnummer', when: 'Zeit', office: 'Dienststelle', why: 'Grund',
    other: 'Weitere Probleme',
    defaultIs: (v: string) => `Leer lassen für den Standardwert ${v}.`,
  },
  reasons: {
    office_removed: 'Die Dienststelle gibt es nicht mehr.',
    service_removed: 'Das Anliegen gibt es nicht mehr.',
    service_not_offered: 'Das Anliegen wird hier nicht mehr angeboten.',
    outside_hours: 'Außerhalb der Öffnungszeiten.',
    over_capacity: 'Der Schalter ist dann nicht mehr besetzt (weniger Schalter).',
  } as Record<string, string>,
  hours: {
    title: 'Öffnungszeiten und Kapazität', rules: 'Wöchentliche Öffnungszeiten', extra: 'Zusätzliche Öffnungszeiten (einzelne Tage)',
    rulesHint: 'Eine Zeile je Zeitraum. Leere Zeilen werden ignoriert; zum Hinzufügen eine leere Zeile ausfüllen. Online und Telefon: leer heißt „alle Schalter“ (online ≤ Telefon ≤ Schalter).',
    rowHeader: 'Zeile', rule: (n: number) => `Zeile ${n}`, days: 'Tage', from: 'Von', to: 'Bis', counters: 'Schalter', online: 'davon online', phone: 'davon Telefon',
    validFrom: 'Gültig ab', validTo: 'Gültig bis', remove: 'Entfernen', date: 'Datum',
    scrollHint: 'Tabelle seitlich scrollbar: Weitere Spalten rechts (wischen, oder die Tabelle anklicken bzw. mit Tab auswählen und die Pfeiltasten nutzen).',
    dayNames: { mon: 'Mo', tue: 'Di', wed: 'Mi', thu: 'Do', fri: 'Fr', sat: 'Sa', sun: 'So' } as Record<string, string>,
    dayLong: { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' } as Record<string, string>,
  },
  rules: {
    title: 'Buchungsregeln',
    fields: {
      leadMinutes: ['Vorlauf (Minuten)', 'So viele Minuten vor dem Termin muss spätestens gebucht werden.'],
      horizonDays: ['Buchungszeitraum (Tage)', 'So viele Tage im Voraus kann gebucht werden.'],
      releaseTime: ['Freigabe-Uhrzeit (HH:MM)', 'Ein neuer Tag wird erst ab dieser Uhrzeit buchbar. Leer: sofort um Mitternacht.'],
      holdMinutes: ['Reservierung (Minuten)', 'So lange bleibt eine gewählte Zeit während der Buchung reserviert.'],
      maxActivePerEmail: ['Termine je E-Mail-Adresse', 'Höchstzahl kommender Termine einer E-Mail-Adresse bei dieser Dienststelle.'],
      cancelUntilMinutes: ['Absagen bis (Minuten vorher)', 'Bis so viele Minuten vor dem Termin können Bürgerinnen und Bürger selbst absagen oder verschieben.'],
      maxServices: ['Anliegen je Termin', 'Höchstzahl von Anliegen in einem Termin.'],
      confirmByEmail: ['Bestätigung per E-Mail-Link', 'Ja: Eine Buchung gilt erst, wenn der Link in der E-Mail geöffnet wurde.'],
      confirmMinutes: ['Frist für die Bestätigung (Minuten)', 'So lange gilt der Bestätigungslink, danach wird die Zeit wieder frei.'],
      reminderHours: ['Erinnerung (Stunden vorher)', 'So viele Stunden vor dem Termin geht eine Erinnerung raus. 0: keine.'],
      noShowGraceMinutes: ['Wartezeit für „Nicht erschienen“ (Minuten)', 'So viele Minuten nach Terminbeginn kann am Schalter „Nicht erschienen“ erfasst werden, vorher nicht. 0: ab Beginn; höchstens 240.'],
    } as Record<string, [string, string]>,
    useDefault: 'Standard',
  },
  office: {
    title: 'Angaben der Dienststelle', name: 'Name', address: 'Anschrift', phone: 'Telefon', email: 'E-Mail-Adresse',
    slotMinutes: 'Zeitraster (Minuten)', slotHint: 'Termine beginnen in diesem Abstand.', services: 'Angebotene Anliegen',
  },
  concerns: {
    title: 'Anliegen', add: 'Neues Anliegen anlegen', edit: 'Bearbeiten', remove: 'Entfernen', newTitle: 'Neues Anliegen',
    editTitle: (n: string) => `Anliegen: ${n}`, removeTitle: (n: string) => `Anliegen entfernen: ${n}`,
    removeText: 'Das Anliegen wird aus der Konfiguration und aus allen Dienststellen entfernt. Gebuchte Termine mit diesem Anliegen werden vorher angezeigt.',
    removeButton: 'Anliegen entfernen',
    id: 'Kennung', idHint: 'Kleinbuchstaben, Ziffern und Bindestriche, z. B. reisepass. Nicht mehr änderbar.',
    name: 'Name', area: 'Bereich', minutes: 'Dauer (Minuten)', maxQuantity: 'Höchstanzahl je Termin', documents: 'Mitzubringen (eine Unterlage je Zeile)',
    fee: 'Gebühr', keywords: 'Suchbegriffe (einer je Zeile)', leika: 'LeiKa-Schlüssel (14 Ziffern)', offices: 'Angeboten in',
    de: 'Deutsch', en: 'Englisch', offeredIn: 'Angeboten in', none: '–',
  },
  problems: {
    after: (field: string, other: string) => `muss später sein als „${field}“ (${other})`,
    notBefore: (field: string, other: string) => `darf nicht vor „${field}“ liegen (${other})`,
    exceeds: (field: string, other: string) => `darf nicht größer sein als „${field}“ (${other})`,
    onlineDefault: (counters: string, countersValue: string, phone: string, phoneValue: string) =>
      `ist leer und damit gleich „${counters}“ (${countersValue}), das ist mehr als „${phone}“ (${phoneValue}). Bitte höchstens ${phoneValue} eintragen.`,
    leadBeyondHorizon: (horizon: string, days: string) => `reicht über den Buchungszeitraum hinaus („${horizon}“: ${days}), so wäre nie etwas buchbar`,
    duplicateId: (name: string) => `diese Kennung hat schon das Anliegen „${name}“`,
    leika: 'muss ein LeiKa-Schlüssel aus 14 Ziffern sein',
    days: 'Bitte mindestens einen Tag wählen.',
    services: 'Bitte mindestens ein Anliegen wählen.',
    tooLarge: (max: string) => `zu groß (höchstens ${max})`,
    number: 'muss eine ganze Zahl sein',
    text: 'muss ein Text sein',
    assistant: (answers: string) =>
      `Der Buchungsassistent schlägt dieses Anliegen noch vor: ${answers}. Den Assistenten kann man nicht im Browser ändern: Bitte ändern Sie ihn zuerst in der Konfigurationsdatei und spielen Sie diese mit „amtszeit config import“ ein; danach lässt sich das Anliegen entfernen.`,
    answer: (question: string, answer: string) => `Frage „${question}“, Antwort „${answer}“`,
    concern: (name: string) => `Anliegen „${name}“`,
  },
  audit: {
    title: 'Protokoll', action: 'Aktion', actor: 'Wer (enthält)', all: 'alle', filter: 'Filtern', when: 'Wann', who: 'Wer', what: 'Was',
    path: 'Einstellung', old: 'Vorher', new: 'Nachher', none: 'Keine Einträge.', older: 'Ältere Einträge', newer: 'Neuere Einträge',
    page: (n: number) => `Seite ${n}`, empty: '(leer)',
  },
};

export type SettingsTexts = typeof de;

const en: SettingsTexts = {
  nav: { settings: 'Settings', audit: 'Audit log' },
  overview: {
    title: 'Settings', concerns: 'Concerns', concernsText: 'For all offices: texts, durations, documents.',
    offices: 'Offices', hours: 'Opening hours and capacity', rules: 'Booking rules', details: 'Details and concerns offered',
    validated: 'Every change is checked like an import of the config file and recorded in the audit log.',
  },
  common: {
    save: 'Save', back: 'Back to the settings', optional: '(optional)', yes: 'yes', no: 'no',
    saved: 'Saved.', unchanged: 'Nothing changed.',
    kept: (n) => n === 1 ? 'Saved. 1 appointment no longer fits and is marked as a conflict (shown first in the day view).' : `Saved. ${n} appointments no longer fit and are marked as conflicts (shown first in the day view).`,
    stale: 'The settings have been changed in the meantime (by someone else or in another window). Your change was not saved. Below are the current values – please enter your change again.',
    conflicts: (n) => n === 1 ? '1 booked appointment no longer fits this change' : `${n} booked appointments no longer fit this change`,
    conflictsText: 'Nothing has been saved yet. You can cancel, or apply the change: the appointments then stay and are marked as conflicts until they are moved or cancelled.',
    confirm: 'Apply and keep the appointments as conflicts', cancel: 'Cancel (change nothing)',
    reference: 'Reference', when: 'Time', office: 'Office', why: 'Reason',
    other: 'Other problems',
    defaultIs: (v) => `Leave empty for the default ${v}.`,
  },
  reasons: {
    office_removed: 'The office no longer exists.',
    service_removed: 'The concern no longer exists.',
    service_not_offered: 'The concern is no longer offered here.',
    outside_hours: 'Outside the opening hours.',
    over_capacity: 'Its counter is no longer staffed then (fewer counters).',
  },
  hours: {
    title: 'Opening hours and capacity', rules: 'Weekly opening hours', extra: 'Extra opening hours (single days)',
    rulesHint: 'One row per period. Empty rows are ignored; fill in an empty row to add one. Online and phone: empty means "all counters" (online ≤ phone ≤ counters).',
    rowHeader: 'Row', rule: (n) => `Row ${n}`, days: 'Days', from: 'From', to: 'To', counters: 'Counters', online: 'of which online', phone: 'of which phone',
    validFrom: 'Valid from', validTo: 'Valid to', remove: 'Remove', date: 'Date',
    scrollHint: 'The table scrolls sideways: more columns to the right (swipe, or select the table with a click or Tab and use the arrow keys).',
    dayNames: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
    dayLong: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  },
  rules: {
    title: 'Booking rules',
    fields: {
      leadMinutes: ['Lead time (minutes)', 'Bookings close this many minutes before the appointment.'],
      horizonDays: ['Booking horizon (days)', 'How many days ahead citizens can book.'],
      releaseTime: ['Release time (HH:MM)', 'A new day becomes bookable only from this time. Empty: at midnight.'],
      holdMinutes: ['Hold (minutes)', 'How long a chosen time stays reserved while booking.'],
      maxActivePerEmail: ['Appointments per e-mail address', 'Most upcoming appointments of one e-mail address at this office.'],
      cancelUntilMinutes: ['Cancel until (minutes before)', 'Citizens can cancel or move by themselves until this many minutes before.'],
      maxServices: ['Concerns per appointment', 'Most concerns in one appointment.'],
      confirmByEmail: ['Confirmation by e-mail link', 'Yes: a booking counts only once the link in the e-mail has been opened.'],
      confirmMinutes: ['Time to confirm (minutes)', 'How long the confirmation link is valid; afterwards the time is free again.'],
      reminderHours: ['Reminder (hours before)', 'A reminder goes out this many hours before. 0: none.'],
      noShowGraceMinutes: ['Grace before "no-show" (minutes)', 'Staff can record a no-show this many minutes after the start, not sooner. 0: from the start; at most 240.'],
    },
    useDefault: 'default',
  },
  office: {
    title: 'Office details', name: 'Name', address: 'Address', phone: 'Phone', email: 'E-mail address',
    slotMinutes: 'Time grid (minutes)', slotHint: 'Appointments start at this interval.', services: 'Concerns offered',
  },
  concerns: {
    title: 'Concerns', add: 'Add a concern', edit: 'Edit', remove: 'Remove', newTitle: 'New concern',
    editTitle: (n) => `Concern: ${n}`, removeTitle: (n) => `Remove concern: ${n}`,
    removeText: 'The concern is removed from the configuration and from every office. Booked appointments with this concern are shown first.',
    removeButton: 'Remove concern',
    id: 'Id', idHint: 'Lower-case letters, digits and hyphens, e.g. passport. Cannot be changed later.',
    name: 'Name', area: 'Area', minutes: 'Duration (minutes)', maxQuantity: 'Most per appointment', documents: 'What to bring (one document per line)',
    fee: 'Fee', keywords: 'Search words (one per line)', leika: 'LeiKa key (14 digits)', offices: 'Offered in',
    de: 'German', en: 'English', offeredIn: 'Offered in', none: '–',
  },
  problems: {
    after: (field, other) => `must be later than "${field}" (${other})`,
    notBefore: (field, other) => `must not be before "${field}" (${other})`,
    exceeds: (field, other) => `must not be more than "${field}" (${other})`,
    onlineDefault: (counters, countersValue, phone, phoneValue) =>
      `is empty and so equal to "${counters}" (${countersValue}), which is more than "${phone}" (${phoneValue}). Please enter at most ${phoneValue}.`,
    leadBeyondHorizon: (horizon, days) => `reaches beyond the booking horizon ("${horizon}": ${days}), so nothing could ever be booked`,
    duplicateId: (name) => `this id is already used by the concern "${name}"`,
    leika: 'must be a LeiKa key of 14 digits',
    days: 'Please choose at least one day.',
    services: 'Please choose at least one concern.',
    tooLarge: (max) => `too large (at most ${max})`,
    number: 'must be a whole number',
    text: 'must be a text',
    assistant: (answers) =>
      `The booking assistant still suggests this concern: ${answers}. The assistant cannot be changed in the browser: please change it in the config file first and load that with "amtszeit config import"; then the concern can be removed.`,
    answer: (question, answer) => `question "${question}", answer "${answer}"`,
    concern: (name) => `concern "${name}"`,
  },
  audit: {
    title: 'Audit log', action: 'Action', actor: 'Who (contains)', all: 'all', filter: 'Filter', when: 'When', who: 'Who', what: 'What',
    path: 'Setting', old: 'Before', new: 'After', none: 'No entries.', older: 'Older entries', newer: 'Newer entries',
    page: (n) => `Page ${n}`, empty: '(empty)',
  },
};

export function settingsTexts(locale: Locale): SettingsTexts {
  return locale === 'en' ? en : de;
}
