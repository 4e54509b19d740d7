// A date as people type it into a form: `03.12.2026` (German), `3.12.2026`,
// or `2026-12-03` (what a date picker sends). Pure; no clock.
import { isValidLocalDate } from './time.ts';
import type { LocalDate } from './types.ts';

const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** The local date typed, or null when it is no date that exists (or outside the supported years). */
export function parseDateInput(input: string | undefined | null): LocalDate | null {
  const s = String(input ?? '').trim();
  const german = GERMAN.exec(s);
  const iso = german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : s;
  return isValidLocalDate(iso) ? iso : null;
}

/** Morning: starts before 12:00; afternoon: from 12:00. */
export type PartOfDay = 'all' | 'morning' | 'afternoon';

export function parsePartOfDay(input: string | undefined | null): PartOfDay {
  return input === 'morning' || input === 'afternoon' ? input : 'all';
}

/** Whether a start at `minutes` after local midnight lies in the part of the day. */
export function inPartOfDay(minutes: number, part: PartOfDay): boolean {
  return part === 'all' || (part === 'morning' ? minutes < 12 * 60 : minutes >= 12 * 60);
}
