// Texts of the concern search on the phone booking form, German first, English second.
import type { Locale } from '../../../domain/types.ts';

const de = {
  label: 'Anliegen suchen',
  hint: 'Ein Wort genügt, z. B. „umzug“, „perso“ oder „pass“. Die gewählten Anzahlen bleiben erhalten.',
  submit: 'Anliegen suchen',
  found: (n: number, q: string) => (n === 1 ? `1 Anliegen passt zu „${q}“.` : `${n} Anliegen passen zu „${q}“.`),
  none: (q: string) => `Kein Anliegen passt zu „${q}“. Alle Anliegen stehen unten.`,
  more: (n: number) => `Weitere Anliegen (${n})`,
};

export type ConcernSearchTexts = typeof de;

const en: ConcernSearchTexts = {
  label: 'Search concerns',
  hint: 'One word is enough, e.g. “moving”, “ID” or “passport”. The quantities chosen are kept.',
  submit: 'Search concerns',
  found: (n, q) => (n === 1 ? `1 concern matches “${q}”.` : `${n} concerns match “${q}”.`),
  none: (q) => `No concern matches “${q}”. All concerns are listed below.`,
  more: (n) => `More concerns (${n})`,
};

export function concernSearchTexts(locale: Locale): ConcernSearchTexts {
  return locale === 'en' ? en : de;
}
