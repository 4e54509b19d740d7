// Public holidays of a date-holidays region ("DE-SN"), by local date, independent of the host's time zone.
import Holidays from 'date-holidays';
import { LOCALES, type LocalDate, type Locale, type Text } from './types.ts';
import { addDays } from './time.ts';

const DAY = 86_400_000;
const REGION_RE = /^([A-Z]{2})(?:-([A-Z0-9]+))?(?:-([A-Z0-9]+))?$/;

/** `CC`, `CC-STATE` or `CC-STATE-REGION` known to date-holidays, e.g. `DE-SN`. */
export function isValidHolidayRegion(region: string): boolean {
  if (typeof region !== 'string') return false;
  const m = REGION_RE.exec(region);
  if (!m) return false;
  const [, country, state, sub] = m;
  const hd = new Holidays();
  if (!Object.hasOwn(hd.getCountries() ?? {}, country)) return false;
  if (state === undefined) return true;
  if (!Object.hasOwn(hd.getStates(country) ?? {}, state)) return false;
  return sub === undefined || Object.hasOwn(hd.getRegions(country, state) ?? {}, sub);
}

/** The public holiday's name on a local date in the region, in the locale; null if none (or no region). */
export function publicHoliday(region: string | undefined, date: LocalDate, locale: Locale): string | null {
  if (!region) return null;
  return yearHolidays(region, Number(date.slice(0, 4))).get(date)?.[locale] ?? null;
}

/** Both languages at once: `{ de, en }` or null. */
export function publicHolidayText(region: string | undefined, date: LocalDate): Text | null {
  if (!region) return null;
  return yearHolidays(region, Number(date.slice(0, 4))).get(date) ?? null;
}

// region|year -> local date -> names. Holidays do not change, so this memo is never invalidated.
const memo = new Map<string, Map<LocalDate, Text>>();

function yearHolidays(region: string, year: number): Map<LocalDate, Text> {
  const key = `${region}|${year}`;
  let map = memo.get(key);
  if (map) return map;
  if (!isValidHolidayRegion(region)) throw new RangeError(`unknown holiday region: ${region}`);
  const [country, state, sub] = region.split('-');
  const hd = sub ? new Holidays(country, state, sub, { types: ['public'] })
    : state ? new Holidays(country, state, { types: ['public'] }) : new Holidays(country, { types: ['public'] });
  map = new Map();
  for (const locale of LOCALES) {
    // the previous year too, for a holiday lasting several days across New Year
    for (const h of [...hd.getHolidays(year - 1, locale), ...hd.getHolidays(year, locale)]) {
      if (h.type !== 'public') continue;
      // `date` is the holiday's local wall-clock start "YYYY-MM-DD hh:mm:ss": the host's zone does not enter.
      const first = h.date.slice(0, 10);
      const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY));
      for (let i = 0; i < days; i++) {
        const d = addDays(first, i);
        if (Number(d.slice(0, 4)) !== year) continue;
        const entry = map.get(d) ?? ({ de: '', en: '' } as Text);
        entry[locale] = entry[locale] ? `${entry[locale]}, ${h.name}` : h.name;
        map.set(d, entry);
      }
    }
  }
  memo.set(key, map);
  return map;
}
