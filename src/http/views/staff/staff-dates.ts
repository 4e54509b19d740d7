// Dates on staff screens in words, short enough for tables and lists:
// `Mi., 02.12.2026` (German) or `Wed 02/12/2026` (English), as the history writes them.
import { weekdayOf } from '../../../domain/time.ts';
import type { Locale } from '../../../domain/types.ts';
import { auditTexts } from './audit-texts.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `2026-12-02` -> `Mi., 02.12.2026` / `Wed 02/12/2026` */
export function shortDate(date: string, locale: Locale): string {
  const a = auditTexts(locale);
  const [y, m, d] = date.split('-');
  const weekday = a.weekdays[WEEKDAYS.indexOf(weekdayOf(date))]!;
  return `${weekday}${locale === 'de' ? ',' : ''} ${a.date(d!, m!, y!)}`;
}

/** `2026-12-02`, `2026-12-04` -> `Mi., 02.12.2026 – Fr., 04.12.2026`; one day once. */
export function shortDateRange(from: string, to: string, locale: Locale): string {
  return from === to ? shortDate(from, locale) : `${shortDate(from, locale)} – ${shortDate(to, locale)}`;
}
