// Every text the API says, in German and English. Keys are stable; params
// are filled in as {name}.
import type { Locale } from '../domain/types.ts';

type Messages = Record<string, Record<Locale, string>>;

export const MESSAGES: Messages = {
  // error codes
  'error.validation': { de: 'Einige Angaben sind ungültig. Bitte korrigieren Sie die markierten Felder.', en: 'Some details are invalid. Please correct the fields listed.' },
  'error.not_found': { de: 'Nicht gefunden.', en: 'Not found.' },
  'error.slot_unavailable': { de: 'Dieser Termin ist nicht (mehr) frei. Bitte wählen Sie eine andere Zeit.', en: 'This time is not (or no longer) available. Please choose another time.' },
  'error.limit_reached': { de: 'Mit dieser E-Mail-Adresse sind bereits so viele Termine gebucht, wie erlaubt sind.', en: 'This e-mail address already holds as many appointments as allowed.' },
  'error.expired': { de: 'Die Frist zur Bestätigung ist abgelaufen; der Termin wurde freigegeben.', en: 'The time to confirm has run out; the appointment was released.' },
  'error.too_late': { de: 'Der Termin kann so kurz vorher online nicht mehr geändert werden. Bitte rufen Sie uns an.', en: 'The appointment can no longer be changed online this close to it. Please call us.' },
  'error.not_allowed': { de: 'Das ist für diesen Termin in seinem jetzigen Zustand nicht möglich.', en: 'This is not possible for the appointment in its current state.' },
  'error.idempotency_mismatch': { de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.', en: 'This Idempotency-Key was already used for a different request.' },
  'error.busy': { de: 'Das System ist gerade stark ausgelastet. Bitte versuchen Sie es gleich noch einmal.', en: 'The system is very busy right now. Please try again in a moment.' },
  'error.invalid_characters': {
    de: 'Die Eingabe enthält unzulässige Steuerzeichen (z. B. ein Nullbyte). Bitte geben Sie nur Text ein.',
    en: 'The input contains control characters that are not allowed (such as a NUL byte). Please enter plain text only.',
  },
  'error.bad_request': { de: 'Die Anfrage ist fehlerhaft: {detail}', en: 'The request is malformed: {detail}' },
  'error.invalid_json': { de: 'Der Inhalt ist kein gültiges JSON.', en: 'The body is not valid JSON.' },
  'error.payload_too_large': { de: 'Die Anfrage ist zu groß.', en: 'The request is too large.' },
  'error.unsupported_media_type': { de: 'Bitte senden Sie JSON (Content-Type: application/json).', en: 'Please send JSON (Content-Type: application/json).' },
  'error.bad_url': {
    de: 'Die Adresse ist fehlerhaft (z. B. ein unvollständiges %-Zeichen oder ein Steuerzeichen). Bitte prüfen Sie die Adresse.',
    en: 'The address is malformed (e.g. an incomplete %-escape or a control character). Please check the address.',
  },
  'error.uri_too_long': { de: 'Ein Teil der Adresse ist zu lang.', en: 'A part of the address is too long.' },
  'error.headers_too_large': { de: 'Adresse und Kopfzeilen der Anfrage sind zusammen zu lang.', en: 'The address and headers of the request are too long.' },
  'error.request_timeout': { de: 'Die Anfrage kam nicht rechtzeitig vollständig an.', en: 'The request did not arrive completely in time.' },
  'error.route_not_found': { de: 'Diese Adresse gibt es nicht: {method} {url}', en: 'There is no such address: {method} {url}' },
  'error.method_not_allowed': { de: 'Diese Methode ist hier nicht erlaubt.', en: 'This method is not allowed here.' },
  'error.rate_limited': { de: 'Zu viele Anfragen. Bitte warten Sie kurz.', en: 'Too many requests. Please wait a moment.' },
  'error.internal': { de: 'Ein unerwarteter Fehler ist aufgetreten.', en: 'An unexpected error occurred.' },

  // field problems
  'field.required': { de: 'Pflichtangabe fehlt.', en: 'This is required.' },
  'field.type': { de: 'Falscher Typ: erwartet {expected}.', en: 'Wrong type: expected {expected}.' },
  'field.unknown': { de: 'Unbekanntes Feld.', en: 'Unknown field.' },
  'field.too_long': { de: 'Zu lang (höchstens {max} Zeichen).', en: 'Too long (at most {max} characters).' },
  'field.invalid': { de: 'Ungültiger Wert.', en: 'Invalid value.' },
  'office.required': { de: 'Bitte geben Sie das Amt an (office).', en: 'Please name the office (office).' },
  'office.unknown': { de: 'Unbekanntes Amt „{id}“.', en: 'Unknown office "{id}".' },
  'services.empty': { de: 'Bitte wählen Sie mindestens ein Anliegen.', en: 'Please choose at least one concern.' },
  'services.syntax': { de: 'Erwartet wird „id:anzahl,id:anzahl“, z. B. „personalausweis:2“.', en: 'Expected "id:qty,id:qty", e.g. "personalausweis:2".' },
  'services.unknown': { de: 'Unbekanntes Anliegen „{id}“.', en: 'Unknown concern "{id}".' },
  'services.not_offered': { de: '„{id}“ wird bei {office} nicht angeboten.', en: '"{id}" is not offered at {office}.' },
  'services.quantity': { de: 'Anzahl für „{id}“ muss zwischen 1 und {max} liegen.', en: 'Quantity for "{id}" must be between 1 and {max}.' },
  'services.duplicate': { de: '„{id}“ ist doppelt angegeben; bitte die Anzahl verwenden.', en: '"{id}" is listed twice; use the quantity instead.' },
  'services.too_many': { de: 'Höchstens {max} verschiedene Anliegen pro Termin.', en: 'At most {max} different concerns per appointment.' },
  'date.invalid': { de: 'Ungültiges Datum; erwartet JJJJ-MM-TT zwischen 1001 und 9998.', en: 'Invalid date; expected YYYY-MM-DD between the years 1001 and 9998.' },
  'range.reversed': { de: '„to“ liegt vor „from“.', en: '"to" is before "from".' },
  'range.too_long': { de: 'Höchstens {max} Tage auf einmal.', en: 'At most {max} days at once.' },
  'startsAt.required': { de: 'Bitte geben Sie die Startzeit an (startsAt).', en: 'Please give the start time (startsAt).' },
  'startsAt.invalid': { de: 'Ungültige Zeit; erwartet RFC 3339 mit Zeitzone, z. B. 2026-12-01T09:30:00+01:00.', en: 'Invalid time; expected RFC 3339 with offset, e.g. 2026-12-01T09:30:00+01:00.' },
  // staff: the counter actions and cancelling on behalf (staff API)
  'attendance.not_allowed': { de: 'Das ist in diesem Status nicht möglich.', en: 'Not possible in this status.' },
  'attendance.not_today': { de: 'Das geht nur am Tag des Termins.', en: 'This is only possible on the day of the appointment.' },
  'attendance.not_started': { de: 'Der Termin hat noch nicht begonnen.', en: 'The appointment has not started yet.' },
  'attendance.grace': { de: 'Nicht erschienen kann ab {time} Uhr erfasst werden.', en: 'A no-show can be recorded from {time}.' },
  'queue.too_early': { de: 'Zu früh: Die Anmeldung ist ab {time} Uhr möglich.', en: 'Too early: check-in opens at {time}.' },
  'queue.too_late': { de: 'Zu spät für die Anmeldung: Bitte wenden Sie sich an den Empfang.', en: 'Too late to check in: please go to the front desk.' },
  'queue.not_today': { de: 'Der Termin ist nicht heute.', en: 'The appointment is not today.' },
  'queue.already': { de: 'Bereits angemeldet: Wartenummer {number}.', en: 'Already checked in: waiting number {number}.' },
  'queue.walk_ins_off': { de: 'Diese Dienststelle gibt keine Wartenummern ohne Termin aus.', en: 'This office gives no waiting numbers without an appointment.' },
  'queue.desk.unknown': { de: 'Unbekannter Platz. Plätze dieser Dienststelle: {desks}.', en: 'Unknown desk. This office\'s desks: {desks}.' },
  'queue.desk.same': { de: 'Die Wartenummer ist schon an diesem Platz.', en: 'The waiting number is already at this desk.' },
  'queue.desk.none': { de: 'Diese Dienststelle hat keine Plätze eingerichtet (offices[].queue.desks).', en: 'This office has no desks set up (offices[].queue.desks).' },
  'queue.state.waiting': { de: 'Nicht möglich: {number} wurde noch nicht aufgerufen.', en: 'Not possible: {number} has not been called yet.' },
  'queue.state.called': { de: 'Nicht möglich: {number} ist aufgerufen, aber noch nicht in Bedienung.', en: 'Not possible: {number} is called but not yet being served.' },
  'queue.state.serving': { de: 'Nicht möglich: {number} wird gerade bedient.', en: 'Not possible: {number} is being served.' },
  'queue.state.done': { de: 'Nicht möglich: {number} ist bereits fertig.', en: 'Not possible: {number} is already done.' },
  'queue.state.no_show': { de: 'Nicht möglich: {number} ist als nicht erschienen erfasst.', en: 'Not possible: {number} was recorded as not there.' },
  'queue.state.deferred': { de: 'Nicht möglich: {number} ist zurückgestellt.', en: 'Not possible: {number} is put back in the queue.' },
  'queue.ticket.unknown': { de: 'Diese Wartenummer gibt es heute in dieser Dienststelle nicht.', en: 'There is no such waiting number in this office today.' },
  'reason.required': { de: 'Bitte geben Sie einen Grund an.', en: 'Please give a reason.' },
  'reason.tooLong': { de: 'Der Grund ist zu lang (höchstens 500 Zeichen).', en: 'The reason is too long (at most 500 characters).' },
  'contact.name.required': { de: 'Bitte geben Sie Ihren Namen an.', en: 'Please enter your name.' },
  'contact.name.too_long': { de: 'Der Name ist zu lang (höchstens {max} Zeichen).', en: 'The name is too long (at most {max} characters).' },
  'contact.name.invalid': { de: 'Der Name enthält unzulässige Zeichen.', en: 'The name contains characters that are not allowed.' },
  'contact.email.required': { de: 'Bitte geben Sie Ihre E-Mail-Adresse an.', en: 'Please enter your e-mail address.' },
  'contact.email.invalid': { de: 'Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.', en: 'Please enter a valid e-mail address, e.g. name@example.org.' },
  'contact.phone.invalid': { de: 'Bitte geben Sie eine gültige Telefonnummer an (Ziffern, Leerzeichen, +, -, /).', en: 'Please enter a valid phone number (digits, spaces, +, -, /).' },
  'consent.required': { de: 'Bitte stimmen Sie der Verarbeitung Ihrer Daten zu (consent: true).', en: 'Please agree to the processing of your data (consent: true).' },
  'locale.invalid': { de: 'Sprache muss „de“ oder „en“ sein.', en: 'Language must be "de" or "en".' },
  'limit.active': { de: 'Höchstens {max} offene Termine pro E-Mail-Adresse.', en: 'At most {max} upcoming appointments per e-mail address.' },
};

export function message(key: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = MESSAGES[key];
  const text = entry ? entry[locale] : key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
