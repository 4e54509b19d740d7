// Problem messages of the config validator in English (what the CLI prints)
// and German. A problem is a key with parameters until it is shown.

import type { Locale } from '../domain/types.ts';

export type Params = Record<string, unknown>;
type Render = (p: Params) => string;

/** Shows a value from the user's file the way they wrote it. */
export function show(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}...` : v;
    return JSON.stringify(s);
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

function got(p: Params): string {
  return 'value' in p && p.value !== undefined ? ` (got ${show(p.value)})` : '';
}
function bekommen(p: Params): string {
  return 'value' in p && p.value !== undefined ? ` (angegeben: ${show(p.value)})` : '';
}
function didYouMean(p: Params): string {
  return typeof p.suggestion === 'string' ? ` (did you mean "${p.suggestion}"?)` : '';
}
function meintenSie(p: Params): string {
  return typeof p.suggestion === 'string' ? ` (meinten Sie „${p.suggestion}“?)` : '';
}
function list(v: unknown): string {
  return Array.isArray(v) ? v.join(', ') : String(v);
}

const TYPE_EN: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a mapping of fields (key: value)',
};
const TYPE_DE: Record<string, string> = {
  string: 'muss ein Text sein',
  number: 'muss eine Zahl sein',
  int: 'muss eine ganze Zahl sein',
  boolean: 'muss true oder false sein',
  array: 'muss eine Liste sein',
  object: 'muss eine Zuordnung von Feldern sein (Schlüssel: Wert)',
};

function quoteHintEn(p: Params): string {
  return p.expected === 'string' && (typeof p.value === 'number' || typeof p.value === 'boolean')
    ? ' (put it in quotes)' : '';
}
function quoteHintDe(p: Params): string {
  return p.expected === 'string' && (typeof p.value === 'number' || typeof p.value === 'boolean')
    ? ' (in Anführungszeichen setzen)' : '';
}

const MESSAGES: Record<string, Record<Locale, Render>> = {
  required: {
    en: () => 'is required',
    de: () => 'fehlt (Pflichtfeld)',
  },
  null_value: {
    en: () => 'has no value (give one or remove the line)',
    de: () => 'hat keinen Wert (Wert angeben oder Zeile entfernen)',
  },
  type: {
    en: (p) => `${TYPE_EN[String(p.expected)] ?? `must be ${String(p.expected)}`}${quoteHintEn(p)}${got(p)}`,
    de: (p) => `${TYPE_DE[String(p.expected)] ?? `muss vom Typ ${String(p.expected)} sein`}${quoteHintDe(p)}${bekommen(p)}`,
  },
  type_text: {
    en: (p) => `must be a text, or one per language as { de: ..., en: ... }${got(p)}`,
    de: (p) => `muss ein Text sein oder einer je Sprache als { de: ..., en: ... }${bekommen(p)}`,
  },
  type_text_list: {
    en: (p) => `must be a list of texts, or one list per language as { de: [...], en: [...] }${got(p)}`,
    de: (p) => `muss eine Liste von Texten sein oder eine je Sprache als { de: [...], en: [...] }${bekommen(p)}`,
  },
  unknown_field: {
    en: (p) => `unknown field${didYouMean(p)}`,
    de: (p) => `unbekanntes Feld${meintenSie(p)}`,
  },
  one_of: {
    en: (p) => `must be one of ${list(p.values)}${got(p)}`,
    de: (p) => `muss einer dieser Werte sein: ${list(p.values)}${bekommen(p)}`,
  },
  min: {
    en: (p) => `must be at least ${String(p.min)}${got(p)}`,
    de: (p) => `muss mindestens ${String(p.min)} sein${bekommen(p)}`,
  },
  max: {
    en: (p) => `must be at most ${String(p.max)}${got(p)}`,
    de: (p) => `darf höchstens ${String(p.max)} sein${bekommen(p)}`,
  },
  empty_text: {
    en: () => 'must not be empty',
    de: () => 'darf nicht leer sein',
  },
  empty_list: {
    en: (p) => `must not be an empty list${p.hint === 'services' ? ' (leave "services" out to offer all services)' : ''}`,
    de: (p) => `darf keine leere Liste sein${p.hint === 'services' ? ' („services“ weglassen, um alle Anliegen anzubieten)' : ''}`,
  },
  long_list: {
    en: (p) => `must have at most ${String(p.max)} entries`,
    de: (p) => `darf höchstens ${String(p.max)} Einträge haben`,
  },
  long_text: {
    en: (p) => `must be at most ${String(p.max)} characters long`,
    de: (p) => `darf höchstens ${String(p.max)} Zeichen lang sein`,
  },
  slug: {
    en: (p) => `must be an id of 1 to 64 lowercase letters a-z, digits and "-"${got(p)}`,
    de: (p) => `muss eine Kennung aus 1 bis 64 Kleinbuchstaben a-z, Ziffern und „-“ sein${bekommen(p)}`,
  },
  time: {
    en: (p) => `must be a time "HH:MM" from 00:00 to 23:59${got(p)}`,
    de: (p) => `muss eine Uhrzeit „HH:MM“ von 00:00 bis 23:59 sein${bekommen(p)}`,
  },
  end_time: {
    en: (p) => `must be a time "HH:MM" from 00:00 to 24:00${got(p)}`,
    de: (p) => `muss eine Uhrzeit „HH:MM“ von 00:00 bis 24:00 sein${bekommen(p)}`,
  },
  date: {
    en: (p) => `must be a date "YYYY-MM-DD"${got(p)}`,
    de: (p) => `muss ein Datum „JJJJ-MM-TT“ sein${bekommen(p)}`,
  },
  date_unreal: {
    en: (p) => `is not a real calendar date${got(p)}`,
    de: (p) => `ist kein gültiges Kalenderdatum${bekommen(p)}`,
  },
  timezone: {
    en: (p) => `unknown time zone ${show(p.value)}${didYouMean(p)}; use an IANA name such as Europe/Berlin`,
    de: (p) => `unbekannte Zeitzone ${show(p.value)}${meintenSie(p)}; bitte einen IANA-Namen wie Europe/Berlin angeben`,
  },
  holidays: {
    en: (p) => `unknown holiday region ${show(p.value)}${didYouMean(p)}${p.known ? ` (known here: ${String(p.known)})` : ''}; use a country or country-state code such as DE-SN`,
    de: (p) => `unbekannte Feiertagsregion ${show(p.value)}${meintenSie(p)}${p.known ? ` (hier bekannt: ${String(p.known)})` : ''}; bitte einen Länder- oder Länder-Bundesland-Code wie DE-SN angeben`,
  },
  email: {
    en: (p) => `must be an e-mail address like name@example.org${got(p)}`,
    de: (p) => `muss eine E-Mail-Adresse wie name@example.org sein${bekommen(p)}`,
  },
  url: {
    en: (p) => `must be a web address starting with http:// or https://${got(p)}`,
    de: (p) => `muss eine Webadresse sein, die mit http:// oder https:// beginnt${bekommen(p)}`,
  },
  leika: {
    en: (p) => `must be a LeiKa key of 14 digits, in quotes${got(p)}`,
    de: (p) => `muss ein LeiKa-Schlüssel aus 14 Ziffern sein, in Anführungszeichen${bekommen(p)}`,
  },
  duplicate_entry: {
    en: (p) => `lists ${show(p.entry)} more than once`,
    de: (p) => `nennt ${show(p.entry)} mehrfach`,
  },
  after: {
    en: (p) => `must be after "${String(p.field)}" (${String(p.other)})`,
    de: (p) => `muss nach „${String(p.field)}“ liegen (${String(p.other)})`,
  },
  not_before: {
    en: (p) => `must not be before "${String(p.field)}" (${String(p.other)})`,
    de: (p) => `darf nicht vor „${String(p.field)}“ liegen (${String(p.other)})`,
  },
  exceeds: {
    en: (p) => `must not exceed "${String(p.field)}" (${String(p.other)})${got(p)}`,
    de: (p) => `darf „${String(p.field)}“ (${String(p.other)}) nicht übersteigen${bekommen(p)}`,
  },
  online_default_exceeds: {
    en: (p) => `is not set, so it defaults to "counters" (${String(p.counters)}), which exceeds "phone" (${String(p.phone)}); set "online" to at most ${String(p.phone)}`,
    de: (p) => `ist nicht angegeben und damit gleich „counters“ (${String(p.counters)}), das übersteigt „phone“ (${String(p.phone)}); „online“ auf höchstens ${String(p.phone)} setzen`,
  },
  closure_both: {
    en: () => 'give either "date" or "from"/"to", not both',
    de: () => 'entweder „date“ oder „from“/„to“ angeben, nicht beides',
  },
  closure_none: {
    en: () => 'needs "date" (one day) or "from" and "to" (a range of days)',
    de: () => 'braucht „date“ (ein Tag) oder „from“ und „to“ (mehrere Tage)',
  },
  required_with: {
    en: (p) => `is required when "${String(p.field)}" is given`,
    de: (p) => `fehlt, obwohl „${String(p.field)}“ angegeben ist`,
  },
  duplicate_id: {
    en: (p) => `duplicate id ${show(p.id)} (already used by ${String(p.first)})`,
    de: (p) => `doppelte Kennung ${show(p.id)} (schon vergeben an ${String(p.first)})`,
  },
  unknown_service: {
    en: (p) => `unknown service ${show(p.id)}${didYouMean(p)}; it must be the id of an entry under "services"`,
    de: (p) => `unbekanntes Anliegen ${show(p.id)}${meintenSie(p)}; es muss die Kennung eines Eintrags unter „services“ sein`,
  },
  lead_beyond_horizon: {
    en: (p) => `is beyond the booking horizon (horizonDays: ${String(p.horizonDays)}), so nothing could ever be booked`,
    de: (p) => `reicht über den Buchungshorizont hinaus (horizonDays: ${String(p.horizonDays)}), so wäre nie etwas buchbar`,
  },
  file_not_mapping: {
    en: (p) => `the file must contain a mapping with "organization", "services" and "offices"${got(p)}`,
    de: (p) => `die Datei muss eine Zuordnung mit „organization“, „services“ und „offices“ enthalten${bekommen(p)}`,
  },
  file_empty: {
    en: () => 'the file is empty',
    de: () => 'die Datei ist leer',
  },
  syntax: {
    en: (p) => `${p.line ? `line ${String(p.line)}, column ${String(p.col)}: ` : ''}${String(p.format)} syntax error: ${String(p.detail)}`,
    de: (p) => `${p.line ? `Zeile ${String(p.line)}, Spalte ${String(p.col)}: ` : ''}${String(p.format)}-Syntaxfehler: ${String(p.detail)}`,
  },
  unreadable: {
    en: (p) => `cannot read the file: ${String(p.detail)}`,
    de: (p) => `die Datei kann nicht gelesen werden: ${String(p.detail)}`,
  },
  unknown_question: {
    en: (p) => `unknown question ${show(p.id)}${didYouMean(p)}; it must be the id of an entry under "assistant.questions"`,
    de: (p) => `unbekannte Frage ${show(p.id)}${meintenSie(p)}; es muss die Kennung eines Eintrags unter „assistant.questions“ sein`,
  },
  answer_target: {
    en: () => 'an answer needs exactly one of "next" (another question) or "services" (the concerns it leads to)',
    de: () => 'eine Antwort braucht genau eins von „next“ (eine weitere Frage) oder „services“ (die Anliegen, zu denen sie führt)',
  },
  question_cycle: {
    en: (p) => `leads back to question ${show(p.id)} (${list(p.cycle).replace(/, /g, ' → ')}), so the questions would never end`,
    de: (p) => `führt zurück zur Frage ${show(p.id)} (${list(p.cycle).replace(/, /g, ' → ')}), so endeten die Fragen nie`,
  },
  quantity_over_max: {
    en: (p) => `is more than the service's maxQuantity (${String(p.max)})`,
    de: (p) => `ist mehr als maxQuantity des Anliegens (${String(p.max)})`,
  },
  invalid: {
    en: () => 'is not valid',
    de: () => 'ist ungültig',
  },
};

export function renderMessage(locale: Locale, key: string, params: Params = {}): string {
  const m = MESSAGES[key] ?? MESSAGES.invalid!;
  return m[locale](params);
}

/** For tests: every key has both languages. */
export const MESSAGE_KEYS = Object.keys(MESSAGES);
