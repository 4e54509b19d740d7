// Zod schemas for the organization config file (../../../shared/spec/config.md,
// user reference in docs/config.md). They check each field on its own and fill
// in defaults; rules between fields and between entries (to after from, known
// service ids, unique ids, ...) live in checks.ts, so that one pass reports all
// problems even when some fields are broken. validate.ts puts both together.
//
// Problems carry message keys, not texts: a custom check adds an issue with
// `params.key`; a schema whose type error needs its own wording returns `@key`
// as its message. validate.ts turns them into English or German.

import { z } from 'zod';
import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import { LOCALES, WEEKDAYS, type Text, type TextList } from '../domain/types.ts';
import { NO_SHOW_GRACE_DEFAULT } from '../domain/no-show.ts';
import { QUEUE_RULE_DEFAULTS } from '../domain/queue-rules.ts';
import { suggest } from './suggest.ts';

// ---------------------------------------------------------------- defaults

export const DEFAULT_ORG_ID = 'default';

export const ORGANIZATION_DEFAULTS = {
  defaultLocale: 'de',
  retentionDays: 30,
} as const;

export const SERVICE_DEFAULTS = {
  maxQuantity: 1,
} as const;

export const BOOKING_DEFAULTS = {
  leadMinutes: 1440,
  horizonDays: 60,
  holdMinutes: 10,
  maxActivePerEmail: 3,
  cancelUntilMinutes: 0,
  maxServices: 5,
  confirmByEmail: false,
  confirmMinutes: 60,
  reminderHours: 24,
  noShowGraceMinutes: NO_SHOW_GRACE_DEFAULT,
} as const;

/** The counter queue's settings (`offices[].queue`, an extension of the contract). */
export const QUEUE_DEFAULTS = QUEUE_RULE_DEFAULTS;

/** Upper bounds, so that a slip of the finger (an extra zero) is caught. */
export const LIMITS = {
  minutes: 1440,
  slotMinutes: 1440,
  maxQuantity: 100,
  counters: 100,
  retentionDays: 3650,
  leadMinutes: 730 * 1440,
  horizonDays: 730,
  holdMinutes: 60,
  maxActivePerEmail: 100,
  cancelUntilMinutes: 30 * 1440,
  maxServices: 50,
  confirmMinutes: 7 * 1440,
  reminderHours: 30 * 24,
  noShowGraceMinutes: 240,
  checkInMinutes: 240,
  lateGraceMinutes: 240,
  desks: 50,
  shortText: 200,
  longText: 50_000,
  listEntries: 100,
} as const;

// -------------------------------------------------------------- predicates

export const SLUG_RE = /^[a-z0-9-]{1,64}$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EMAIL_RE = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:.]{2,}$/;
const LEIKA_RE = /^\d{14}$/;

export function isSlug(v: unknown): v is string {
  return typeof v === 'string' && SLUG_RE.test(v);
}

/** `HH:MM` from 00:00 to 23:59, or also `24:00` when `end` is set. */
export function isTime(v: unknown, end = false): v is string {
  return typeof v === 'string' && (TIME_RE.test(v) || (end && v === '24:00'));
}

/** Minutes since midnight of a valid time (24:00 -> 1440). */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function isDateShape(v: unknown): v is string {
  return typeof v === 'string' && DATE_RE.test(v);
}

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-30). */
export function isRealDate(v: unknown): v is string {
  if (!isDateShape(v)) return false;
  const [, y, m, d] = DATE_RE.exec(v)!.map(Number) as [number, number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export function isEmail(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 254 && EMAIL_RE.test(v);
}

export function isHttpUrl(v: unknown): v is string {
  if (typeof v !== 'string' || /\s/.test(v)) return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

let zoneNames: string[] | undefined;

/** An IANA zone name exactly as written (Europe/Berlin, UTC); not an offset. */
export function checkTimeZone(tz: string): { ok: true } | { ok: false; suggestion?: string } {
  if (/^[+\-\u2212]|^z$/i.test(tz)) return { ok: false };
  let id: string;
  try {
    id = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz).timeZoneId;
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    zoneNames ??= Intl.supportedValuesOf('timeZone');
    return { ok: false, suggestion: suggest(tz, zoneNames) };
  }
  // Temporal accepts any letter case and answers with the proper spelling.
  return id === tz ? { ok: true } : { ok: false, suggestion: id };
}

let holidays: Holidays | undefined;
function listCodes(o: Record<string, string> | undefined): string[] {
  return o ? Object.keys(o).sort() : [];
}

/** A region date-holidays knows: `DE`, `DE-SN`, `DE-BY-A`. */
export function checkHolidayRegion(code: string): { ok: true } | { ok: false; suggestion?: string; known?: string } {
  holidays ??= new Holidays();
  const parts = code.split('-');
  if (parts.length > 3 || parts.some((p) => p === '')) return { ok: false };
  const [country, state, region] = parts as [string, string?, string?];
  const countries = listCodes(holidays.getCountries());
  if (!countries.includes(country)) {
    const fixed = countries.find((c) => c === country.toUpperCase());
    return fixed && checkHolidayRegion([fixed, ...parts.slice(1)].join('-').toUpperCase()).ok
      ? { ok: false, suggestion: code.toUpperCase() }
      : { ok: false };
  }
  if (state === undefined) return { ok: true };
  const states = listCodes(holidays.getStates(country));
  if (!states.includes(state)) {
    const fixed = states.find((s) => s === state.toUpperCase());
    return { ok: false, suggestion: fixed ? `${country}-${fixed}` : undefined, known: states.map((s) => `${country}-${s}`).join(', ') };
  }
  if (region === undefined) return { ok: true };
  const regions = listCodes(holidays.getRegions(country, state));
  if (!regions.includes(region)) {
    return { ok: false, known: regions.map((r) => `${country}-${state}-${r}`).join(', ') };
  }
  return { ok: true };
}

// ------------------------------------------------------------ field schemas

/** Adds a custom problem with message key `key` when `ok` says no. */
function rule<T extends z.ZodType>(schema: T, ok: (v: z.output<T>) => boolean, key: string) {
  return schema.superRefine((v, ctx) => {
    if (!ok(v)) ctx.addIssue({ code: 'custom', params: { key } });
  });
}

/** A type error on this schema is reported with message key `key`. */
const typeError = (key: string) => ({
  error: (iss: { code?: string }) => (iss.code === 'invalid_type' ? `@${key}` : undefined),
});

const int = (min: number, max: number) => z.number().int().min(min).max(max);

const nonBlank = (max: number) =>
  rule(z.string().max(max), (s) => s.trim() !== '', 'empty_text');
const shortText = nonBlank(LIMITS.shortText);

const slug = rule(z.string(), isSlug, 'slug');

const time = rule(z.string(typeError('time')), (s) => isTime(s), 'time');
const endTime = rule(z.string(typeError('end_time')), (s) => isTime(s, true), 'end_time');

const date = z.string(typeError('date')).superRefine((s, ctx) => {
  if (!isDateShape(s)) ctx.addIssue({ code: 'custom', params: { key: 'date' } });
  else if (!isRealDate(s)) ctx.addIssue({ code: 'custom', params: { key: 'date_unreal' } });
});

/** A text in both languages; a plain string stands for both. */
function textSchema(max: number) {
  return z.preprocess(
    (v) => (typeof v === 'string' ? { de: v, en: v } : v),
    z.strictObject({ de: nonBlank(max), en: nonBlank(max) }, typeError('type_text')),
  ) as unknown as z.ZodType<Text, unknown>;
}
const text = textSchema(LIMITS.shortText);
const longText = textSchema(LIMITS.longText);

/** A list of texts in both languages; a plain list stands for both. */
const textListEntries = z.array(shortText).max(LIMITS.listEntries);
const textList = z.preprocess(
  (v) => (Array.isArray(v) ? { de: v, en: v } : v),
  z.strictObject({ de: textListEntries, en: textListEntries }, typeError('type_text_list')),
) as unknown as z.ZodType<TextList, unknown>;

const weekdays = z.array(z.enum(WEEKDAYS)).min(1).superRefine((days, ctx) => {
  const seen = new Set<string>();
  for (const d of days) {
    if (seen.has(d)) ctx.addIssue({ code: 'custom', params: { key: 'duplicate_entry', entry: d } });
    seen.add(d);
  }
});

const timezone = z.string().superRefine((tz, ctx) => {
  const r = checkTimeZone(tz);
  if (!r.ok) ctx.addIssue({ code: 'custom', params: { key: 'timezone', suggestion: r.suggestion } });
});

const holidayRegion = z.string().superRefine((code, ctx) => {
  const r = checkHolidayRegion(code);
  if (!r.ok) ctx.addIssue({ code: 'custom', params: { key: 'holidays', suggestion: r.suggestion, known: r.known } });
});

const email = rule(z.string(), isEmail, 'email');
const url = rule(z.string(), isHttpUrl, 'url');

/** LeiKa key; an unquoted 14-digit number is taken as its digits. */
const leika = z.preprocess(
  (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : v),
  rule(z.string(), (s) => LEIKA_RE.test(s), 'leika'),
) as unknown as z.ZodType<string, unknown>;

const capacityShape = {
  counters: int(1, LIMITS.counters),
  online: int(0, LIMITS.counters).optional(),
  phone: int(0, LIMITS.counters).optional(),
};

// ----------------------------------------------------------- object shapes

const organizationShape = {
  id: slug.default(DEFAULT_ORG_ID),
  name: shortText,
  timezone,
  holidays: holidayRegion.optional(),
  defaultLocale: z.enum(LOCALES).default(ORGANIZATION_DEFAULTS.defaultLocale),
  publicUrl: url,
  retentionDays: int(0, LIMITS.retentionDays).default(ORGANIZATION_DEFAULTS.retentionDays),
  // extensions to the contract: texts of the pages every public site needs
  privacy: longText.optional(),
  imprint: longText.optional(),
  accessibility: longText.optional(),
};

const serviceShape = {
  id: slug,
  name: text,
  area: text,
  minutes: int(1, LIMITS.minutes),
  maxQuantity: int(1, LIMITS.maxQuantity).default(SERVICE_DEFAULTS.maxQuantity),
  documents: textList.optional(),
  fee: text.optional(),
  keywords: textList.optional(),
  leika: leika.optional(),
};

const bookingShape = {
  leadMinutes: int(0, LIMITS.leadMinutes).default(BOOKING_DEFAULTS.leadMinutes),
  horizonDays: int(0, LIMITS.horizonDays).default(BOOKING_DEFAULTS.horizonDays),
  releaseTime: time.optional(),
  holdMinutes: int(1, LIMITS.holdMinutes).default(BOOKING_DEFAULTS.holdMinutes),
  maxActivePerEmail: int(1, LIMITS.maxActivePerEmail).default(BOOKING_DEFAULTS.maxActivePerEmail),
  cancelUntilMinutes: int(0, LIMITS.cancelUntilMinutes).default(BOOKING_DEFAULTS.cancelUntilMinutes),
  maxServices: int(1, LIMITS.maxServices).default(BOOKING_DEFAULTS.maxServices),
  confirmByEmail: z.boolean().default(BOOKING_DEFAULTS.confirmByEmail),
  confirmMinutes: int(1, LIMITS.confirmMinutes).default(BOOKING_DEFAULTS.confirmMinutes),
  reminderHours: int(0, LIMITS.reminderHours).default(BOOKING_DEFAULTS.reminderHours),
  noShowGraceMinutes: int(0, LIMITS.noShowGraceMinutes).default(BOOKING_DEFAULTS.noShowGraceMinutes),
};

const deskShape = {
  id: slug,
  name: shortText,
};

// extension to the contract: the counter queue (check-in, waiting numbers, desks)
const queueShape = {
  desks: z.array(z.strictObject(deskShape)).max(LIMITS.desks).default([]),
  checkInBeforeMinutes: int(0, LIMITS.checkInMinutes).default(QUEUE_DEFAULTS.checkInBeforeMinutes),
  checkInAfterMinutes: int(0, LIMITS.checkInMinutes).default(QUEUE_DEFAULTS.checkInAfterMinutes),
  lateGraceMinutes: int(0, LIMITS.lateGraceMinutes).default(QUEUE_DEFAULTS.lateGraceMinutes),
  walkIns: z.boolean().default(QUEUE_DEFAULTS.walkIns),
  kiosk: z.boolean().default(QUEUE_DEFAULTS.kiosk),
};

const hoursShape = {
  days: weekdays,
  from: time,
  to: endTime,
  ...capacityShape,
  validFrom: date.optional(),
  validTo: date.optional(),
};

const extraHoursShape = {
  date,
  from: time,
  to: endTime,
  ...capacityShape,
};

const closureShape = {
  date: date.optional(),
  from: date.optional(),
  to: date.optional(),
  fromTime: time.optional(),
  toTime: endTime.optional(),
  reason: text.optional(),
};

/** Fewer counters for a period: a closure's fields plus how many counters are taken away. */
const blockShape = {
  ...closureShape,
  counters: int(1, LIMITS.counters),
};

const officeShape = {
  id: slug,
  name: shortText,
  address: shortText,
  phone: shortText,
  email,
  slotMinutes: int(1, LIMITS.slotMinutes),
  services: z.array(slug).min(1).optional(),
  booking: z.strictObject(bookingShape).prefault({}),
  hours: z.array(z.strictObject(hoursShape)),
  closures: z.array(z.strictObject(closureShape)).default([]),
  extraHours: z.array(z.strictObject(extraHoursShape)).default([]),
  // extension to the contract: blocks (fewer counters for a period)
  blocks: z.array(z.strictObject(blockShape)).default([]),
  queue: z.strictObject(queueShape).optional(),
};

// The online assistant (docs/config.md, "assistant"): guided questions, and
// the finder's hints for concerns the city does not offer here.
const serviceRequestShape = {
  id: slug,
  quantity: int(1, LIMITS.maxQuantity).default(1),
};
/** `anmeldung` stands for `{ id: anmeldung, quantity: 1 }`. */
const serviceRequest = z.preprocess(
  (v) => (typeof v === 'string' ? { id: v } : v),
  z.strictObject(serviceRequestShape),
);

const answerShape = {
  label: text,
  next: slug.optional(),
  services: z.array(serviceRequest).min(1).max(LIMITS.maxServices).optional(),
  hint: longText.optional(),
};

const questionShape = {
  id: slug,
  text,
  hint: longText.optional(),
  answers: z.array(z.strictObject(answerShape)).min(1).max(LIMITS.listEntries),
};

const redirectShape = {
  keywords: textList,
  text: longText,
};

const assistantShape = {
  start: slug.optional(),
  questions: z.array(z.strictObject(questionShape)).max(LIMITS.listEntries).default([]),
  notFound: longText.optional(),
  redirects: z.array(z.strictObject(redirectShape)).max(LIMITS.listEntries).default([]),
};

const rootShape = {
  organization: z.strictObject(organizationShape),
  services: z.array(z.strictObject(serviceShape)).min(1),
  offices: z.array(z.strictObject(officeShape)).min(1),
  assistant: z.strictObject(assistantShape).optional(),
};

/** The file as a whole, field by field (defaults filled, texts in both languages). */
export const ConfigFileSchema = z.strictObject(rootShape);
export type ConfigFile = z.output<typeof ConfigFileSchema>;

/** Field names of each kind of object, for "did you mean" on unknown fields. */
export const KNOWN_FIELDS: Record<string, readonly string[]> = {
  '': Object.keys(rootShape),
  organization: Object.keys(organizationShape),
  'services[]': Object.keys(serviceShape),
  'offices[]': Object.keys(officeShape),
  'offices[].booking': Object.keys(bookingShape),
  'offices[].hours[]': Object.keys(hoursShape),
  'offices[].extraHours[]': Object.keys(extraHoursShape),
  'offices[].closures[]': Object.keys(closureShape),
  'offices[].blocks[]': Object.keys(blockShape),
  'offices[].queue': Object.keys(queueShape),
  'offices[].queue.desks[]': Object.keys(deskShape),
  assistant: Object.keys(assistantShape),
  'assistant.questions[]': Object.keys(questionShape),
  'assistant.questions[].answers[]': Object.keys(answerShape),
  'assistant.questions[].answers[].services[]': Object.keys(serviceRequestShape),
  'assistant.redirects[]': Object.keys(redirectShape),
  text: LOCALES,
};

/** Organization texts beyond the contract's fields (see docs/config.md). */
export const ORGANIZATION_PAGES = ['privacy', 'imprint', 'accessibility'] as const;
export type OrganizationPages = Partial<Record<(typeof ORGANIZATION_PAGES)[number], Text>>;
