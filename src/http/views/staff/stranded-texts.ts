// Texts for the choices per stranded appointment that closures, blocks and
// settings changes share: another time from the calendar (the pick step), a time
// chosen there, and the settings page's reason and result. German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  calendar: 'Andere Zeit im Kalender wählen',
  calendarHint: 'Beim Eintragen öffnet sich zuerst der Kalender für diesen Termin; eingetragen wird danach.',
  picked: (at: string) => `Verschieben auf ${at} (im Kalender gewählt)`,
  pickTitle: (ref: string) => `Andere Zeit für ${ref} wählen`,
  current: 'Bisher',
  pickIntro: 'Die freien Zeiten gelten schon für die neue Planung. Die gewählte Zeit wird beim Eintragen noch einmal geprüft: Ist sie dann vergeben, bleibt der Termin bestehen und wird als Konflikt markiert.',
  take: 'Diese Zeit übernehmen',
  back: 'Zurück, ohne eine Zeit zu wählen',
  pending: (n: number) => n === 1 ? 'Noch 1 weiterer Termin wartet auf eine Zeit aus dem Kalender.' : `Noch ${n} weitere Termine warten auf eine Zeit aus dem Kalender.`,
  goneChosen: 'die gewählte Zeit war inzwischen vergeben – behalten, als Konflikt markiert',
  settings: {
    intro: 'Noch ist nichts gespeichert. Wählen Sie je Termin, was geschehen soll, und übernehmen Sie dann die Änderung – oder brechen Sie ab. Verschieben und Absagen teilen den Grund per E-Mail mit (ohne E-Mail-Adresse: Anrufliste).',
    reason: 'Grund (wird Bürgerinnen und Bürgern mitgeteilt, deren Termine verschoben oder abgesagt werden)',
    reasonDefault: 'Geänderte Öffnungszeiten',
    reasonRequired: 'Bitte geben Sie einen Grund an: Er wird beim Verschieben und Absagen mitgeteilt.',
    confirm: 'Änderung übernehmen und Termine wie gewählt behandeln',
  },
};

export type StrandedTexts = typeof de;

const en: StrandedTexts = {
  calendar: 'Choose another time in the calendar',
  calendarHint: 'Entering opens the calendar for this appointment first; it is entered afterwards.',
  picked: (at) => `Move to ${at} (chosen in the calendar)`,
  pickTitle: (ref) => `Choose another time for ${ref}`,
  current: 'Currently',
  pickIntro: 'The free times already follow the new plan. The chosen time is checked again when entering: if it has been taken by then, the appointment stays and is marked as a conflict.',
  take: 'Take this time',
  back: 'Back without choosing a time',
  pending: (n) => n === 1 ? '1 more appointment waits for a time from the calendar.' : `${n} more appointments wait for a time from the calendar.`,
  goneChosen: 'the chosen time had been taken meanwhile – kept, marked as a conflict',
  settings: {
    intro: 'Nothing has been saved yet. Choose for each appointment what should happen, then apply the change – or cancel. Moving and cancelling tell the reason by e-mail (without an e-mail address: the call list).',
    reason: 'Reason (told to citizens whose appointments are moved or cancelled)',
    reasonDefault: 'Changed opening hours',
    reasonRequired: 'Please enter a reason: it is told when moving and cancelling.',
    confirm: 'Apply the change and handle the appointments as chosen',
  },
};

export function strandedTexts(locale: Locale): StrandedTexts {
  return locale === 'en' ? en : de;
}
