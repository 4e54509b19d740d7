// Texts of phoning citizens without an e-mail address after a change (the call
// list's tick-off and the appointment page's "call" box), German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  column: 'Erreicht',
  progress: (reached: number, total: number) => `${reached} von ${total} erreicht – ${total - reached} offen`,
  open: 'noch offen',
  reached: (who: string, when: string) => `Erreicht von ${who} am ${when}`,
  notReached: (who: string, when: string) => `Nicht erreicht (${who}, ${when}) – bitte erneut versuchen`,
  note: (n: string) => `Hinweis: „${n}“`,
  legend: (name: string) => `Anruf bei ${name}`,
  choiceReached: 'erreicht',
  choiceNotReached: 'nicht erreicht – erneut versuchen',
  noteLabel: 'Hinweis (optional)',
  noteHint: 'z. B. „Tochter am Telefon“, höchstens 300 Zeichen',
  save: 'Speichern',
  saved: (name: string, reached: boolean) => `Gespeichert: ${name} – ${reached ? 'erreicht' : 'nicht erreicht, bitte erneut versuchen'}.`,
  chooseResult: 'Bitte wählen Sie „erreicht“ oder „nicht erreicht“.',
  noteTooLong: (max: number) => `Der Hinweis darf höchstens ${max} Zeichen lang sein.`,
  noName: 'Bürgerin/Bürger',
  // the appointment's page
  title: 'Telefonisch informieren',
  callNow: (phone: string) => `Keine E-Mail-Adresse: Bitte rufen Sie unter ${phone} an und teilen Sie die Änderung mit.`,
  noPhone: 'Keine E-Mail-Adresse und keine Telefonnummer: Die Bürgerin oder der Bürger kann nicht benachrichtigt werden. Wenn Sie sie oder ihn doch erreichen, vermerken Sie es hier.',
};

export type CallTexts = typeof de;

const en: CallTexts = {
  column: 'Reached',
  progress: (reached, total) => `${reached} of ${total} reached – ${total - reached} left`,
  open: 'not yet',
  reached: (who, when) => `Reached by ${who} on ${when}`,
  notReached: (who, when) => `Not reached (${who}, ${when}) – please try again`,
  note: (n) => `Note: “${n}”`,
  legend: (name) => `Call to ${name}`,
  choiceReached: 'reached',
  choiceNotReached: 'not reached – try again',
  noteLabel: 'Note (optional)',
  noteHint: 'e.g. “daughter answered”, at most 300 characters',
  save: 'Save',
  saved: (name, reached) => `Saved: ${name} – ${reached ? 'reached' : 'not reached, please try again'}.`,
  chooseResult: 'Please choose “reached” or “not reached”.',
  noteTooLong: (max) => `The note may be at most ${max} characters long.`,
  noName: 'citizen',
  title: 'Tell by phone',
  callNow: (phone) => `No e-mail address: please call ${phone} and tell them about the change.`,
  noPhone: 'No e-mail address and no phone number: the citizen cannot be told. If you reach them anyway, note it here.',
};

export function callTexts(locale: Locale): CallTexts {
  return locale === 'en' ? en : de;
}
