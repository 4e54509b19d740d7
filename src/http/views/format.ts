// Dates and times as the citizen pages show them (pure; no clock).
import { weekdayOf } from '../../domain/time.ts';
import type { Texts } from './texts.ts';

/** `2026-12-01` -> `Dienstag, 1. Dezember 2026` / `Tuesday, 1 December 2026` */
export function formatDate(date: string, t: Texts): string {
  const [y, m, d] = date.split('-').map(Number);
  return t.time.date(t.weekdays[weekdayOf(date)], d, t.months[m - 1], y);
}

/** `2026-12-01`, `09:30` -> `Dienstag, 1. Dezember 2026, 09:30 Uhr` */
export function formatDateTime(date: string, time: string, t: Texts): string {
  return t.time.at(formatDate(date, t), time);
}

/** Local date and time of an RFC 3339 instant with offset, as written (`2026-12-01T09:30:00+01:00`). */
export function splitInstant(startsAt: string): { date: string; time: string } {
  return { date: startsAt.slice(0, 10), time: startsAt.slice(11, 16) };
}

/** `2026-12` -> `Dezember 2026` */
export function formatMonth(month: string, t: Texts): string {
  const [y, m] = month.split('-').map(Number);
  return `${t.months[m - 1]} ${y}`;
}
