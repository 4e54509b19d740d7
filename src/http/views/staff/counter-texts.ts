// Texts of the counter actions on an appointment's page (the no-show's grace
// and its undo) and of cancelling on behalf when the form is refused, German
// first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  /** shown while the grace runs: the no-show button is not offered yet */
  graceHint: (time: string) => `„Nicht erschienen“ ist ab ${time} Uhr möglich.`,
  /** a forced POST within the grace */
  graceRefused: (time: string) => `Nicht erschienen kann ab ${time} Uhr erfasst werden.`,
  undoNoShow: '„Nicht erschienen“ zurücknehmen',
  /** the day view's short button beside the status, named for screen readers by whom it concerns */
  undoShort: 'Zurücknehmen',
  undoNoShowFor: (who: string) => `Zurücknehmen: „Nicht erschienen“ von ${who}`,
  undoNoShowHint: 'Doch noch gekommen? Am Tag des Termins lässt sich „Nicht erschienen“ zurücknehmen; der Termin ist dann wieder gebucht.',
  reasonTooLong: 'Der Grund ist zu lang: Bitte kürzen Sie ihn auf höchstens 500 Zeichen.',
};

export type CounterTexts = typeof de;

const en: CounterTexts = {
  graceHint: (time) => `"No-show" is possible from ${time}.`,
  graceRefused: (time) => `A no-show can be recorded from ${time}.`,
  undoNoShow: 'Undo "no-show"',
  undoShort: 'Undo',
  undoNoShowFor: (who) => `Undo: "no-show" of ${who}`,
  undoNoShowHint: 'Came after all? On the day of the appointment, "no-show" can be undone; the appointment is then booked again.',
  reasonTooLong: 'The reason is too long: please shorten it to at most 500 characters.',
};

export function counterTexts(locale: Locale): CounterTexts {
  return locale === 'en' ? en : de;
}
