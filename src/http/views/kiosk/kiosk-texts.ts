// The kiosk's texts (German first, English second): the page a booked citizen
// checks in at on arrival (views/kiosk/kiosk-page.tsx).
import type { Locale } from '../../../domain/types.ts';

const de = {
  title: 'Anmelden zum Termin',
  intro: 'Bitte scannen Sie den QR-Code Ihrer Terminbestätigung oder tippen Sie Ihre Buchungsnummer ein.',
  label: 'Buchungsnummer',
  hint: 'Zum Beispiel K7Q2-9XMD. Klein- oder Großbuchstaben, mit oder ohne Bindestrich.',
  submit: 'Anmelden',
  errorSummary: 'Bitte prüfen Sie Ihre Eingabe',
  empty: 'Bitte geben Sie Ihre Buchungsnummer ein.',
  unknown: 'Wir können Sie hier nicht einchecken. Bitte wenden Sie sich an den Empfang.',
  tooEarly: (time: string) => `Sie sind zu früh. Die Anmeldung für Ihren Termin ist ab ${time} Uhr möglich.`,
  tooLate: 'Die Zeit zum Anmelden für Ihren Termin ist vorbei. Bitte wenden Sie sich an den Empfang.',
  already: 'Sie sind bereits angemeldet. Bitte nehmen Sie Platz. Fragen beantwortet der Empfang.',
  numberIs: 'Ihre Wartenummer:',
  wait: (m: number) => (m <= 0 ? 'Sie sind als Nächstes an der Reihe.' : `Geschätzte Wartezeit: etwa ${m} ${m === 1 ? 'Minute' : 'Minuten'}.`),
  sit: 'Bitte nehmen Sie Platz. Ihre Nummer wird auf dem Bildschirm aufgerufen.',
  back: 'Fertig',
  backHint: (s: number | string) => `Diese Seite kehrt in ${s === 1 ? 'einer Sekunde' : `${s} Sekunden`} von selbst zum Anfang zurück.`,
  keepLonger: 'Länger anzeigen',
  keptLonger: (s: number | string) => `Die Seite bleibt jetzt noch ${s} Sekunden.`,
  otherLang: 'English',
  switchTo: 'Sprache wechseln',
  kiosk: 'Selbstanmeldung',
};

export type KioskTexts = typeof de;

const en: KioskTexts = {
  title: 'Check in for your appointment',
  intro: 'Please scan the QR code on your confirmation or type in your booking reference.',
  label: 'Booking reference',
  hint: 'For example K7Q2-9XMD. Upper or lower case, with or without the dash.',
  submit: 'Check in',
  errorSummary: 'Please check your entry',
  empty: 'Please enter your booking reference.',
  unknown: 'We cannot check you in here. Please go to the reception desk.',
  tooEarly: (time: string) => `You are early. You can check in for your appointment from ${time}.`,
  tooLate: 'The time to check in for your appointment has passed. Please go to the reception desk.',
  already: 'You are already checked in. Please take a seat. The reception desk will answer any questions.',
  numberIs: 'Your waiting number:',
  wait: (m: number) => (m <= 0 ? 'You are next.' : `Estimated wait: about ${m} ${m === 1 ? 'minute' : 'minutes'}.`),
  sit: 'Please take a seat. Your number will be called on the screen.',
  back: 'Done',
  backHint: (s: number | string) => `This page returns to the start by itself in ${s === 1 ? 'one second' : `${s} seconds`}.`,
  keepLonger: 'Keep this on screen longer',
  keptLonger: (s: number | string) => `The page now stays for another ${s} seconds.`,
  otherLang: 'Deutsch',
  switchTo: 'Change language',
  kiosk: 'Self check-in',
};

export function kioskTexts(locale: Locale): KioskTexts {
  return locale === 'en' ? en : de;
}
