// Dates, times and durations as the mails show them, in the organization's
// zone (Temporal; the host's zone is never consulted) and the booking's language.
import { Temporal } from 'temporal-polyfill';
import type { Locale } from '../domain/types.ts';

const WEEKDAYS: Record<Locale, string[]> = {
  de: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS: Record<Locale, string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function zoned(ms: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `Montag` / `Monday` */
export function formatWeekday(ms: number, tz: string, locale: Locale): string {
  return WEEKDAYS[locale][zoned(ms, tz).dayOfWeek - 1];
}

/** `26. Oktober 2026` / `26 October 2026` */
export function formatDate(ms: number, tz: string, locale: Locale): string {
  const z = zoned(ms, tz);
  return locale === 'de' ? `${z.day}. ${MONTHS.de[z.month - 1]} ${z.year}` : `${z.day} ${MONTHS.en[z.month - 1]} ${z.year}`;
}

/** `09:00` (24-hour clock in both languages; German adds "Uhr" in the sentence) */
export function formatTime(ms: number, tz: string): string {
  const z = zoned(ms, tz);
  return `${pad(z.hour)}:${pad(z.minute)}`;
}

/** `Montag, 26. Oktober 2026, 09:00 Uhr` / `Monday, 26 October 2026, 09:00` */
export function formatDateTime(ms: number, tz: string, locale: Locale): string {
  const t = formatTime(ms, tz);
  return `${formatWeekday(ms, tz, locale)}, ${formatDate(ms, tz, locale)}, ${locale === 'de' ? `${t} Uhr` : t}`;
}

/** `20 Minuten` / `1 Stunde 30 Minuten` / `20 minutes` */
export function formatDuration(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts: string[] = [];
  if (locale === 'de') {
    if (h > 0) parts.push(`${h} ${h === 1 ? 'Stunde' : 'Stunden'}`);
    if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? 'Minute' : 'Minuten'}`);
  } else {
    if (h > 0) parts.push(`${h} ${h === 1 ? 'hour' : 'hours'}`);
    if (m > 0 || h === 0) parts.push(`${m} ${m === 1 ? 'minute' : 'minutes'}`);
  }
  return parts.join(' ');
}
