// The organization's configuration as the engine sees it: validated and
// normalised (every text has both languages, every default filled in).
// The file format (YAML/JSON) is described in docs/config.md; src/config/
// turns a file into these types and back.

export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text in every supported language. */
export type Text = Record<Locale, string>;
/** A list of texts (e.g. documents to bring) in every supported language. */
export type TextList = Record<Locale, string[]>;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local calendar date `YYYY-MM-DD` in the organization's zone. */
export type LocalDate = string;
/** Local wall-clock time `HH:MM`; `24:00` means the end of the day. */
export type LocalTime = string;

export interface Capacity {
  /** parallel appointments (staffed desks) */
  counters: number;
  /** how many of them citizens may book online (<= phone) */
  online: number;
  /** how many of them staff may fill for callers (<= counters) */
  phone: number;
}

export interface HoursRule extends Capacity {
  days: Weekday[];
  from: LocalTime;
  to: LocalTime;
  validFrom?: LocalDate;
  validTo?: LocalDate;
}

export interface ExtraHours extends Capacity {
  date: LocalDate;
  from: LocalTime;
  to: LocalTime;
}

/** A closure over whole days (`from`..`to` inclusive), or part of each of those days. */
export interface Closure {
  from: LocalDate;
  to: LocalDate;
  fromTime?: LocalTime;
  toTime?: LocalTime;
  reason?: Text;
}

/**
 * Fewer counters for a period (a colleague is ill): like a closure, but takes `counters` desks away
 * instead of all of them. Several blocks add up; online and phone are capped at what remains.
 * The reason is for staff (the citizen pages do not show it).
 */
export interface Block extends Closure {
  counters: number;
}

export interface BookingRules {
  leadMinutes: number;
  horizonDays: number;
  releaseTime?: LocalTime;
  holdMinutes: number;
  maxActivePerEmail: number;
  cancelUntilMinutes: number;
  maxServices: number;
  confirmByEmail: boolean;
  confirmMinutes: number;
  reminderHours: number;
  /**
   * Minutes after the start before staff may record a no-show (default 15, see domain/no-show.ts).
   * Optional only because offices stored before this setting existed lack it; the config file's
   * validation always fills it in.
   */
  noShowGraceMinutes?: number;
}

export interface Office {
  id: string;
  name: string;
  address: string;
  phone: string;
  email: string;
  slotMinutes: number;
  /** ids of the services offered here */
  services: string[];
  booking: BookingRules;
  hours: HoursRule[];
  closures: Closure[];
  extraHours: ExtraHours[];
  /** fewer counters for a period; absent when there are none */
  blocks?: Block[];
  /** the counter queue's settings; absent when the file has none (defaults: domain/queue-rules.ts) */
  queue?: QueueRules;
}

/** A desk (counter place) citizens are called to, e.g. `{ id: 'platz-1', name: 'Platz 1' }`. */
export interface Desk {
  id: string;
  name: string;
}

/** The counter queue of an office: desks, the check-in window, the grace for the late, walk-ins, kiosk. */
export interface QueueRules {
  desks: Desk[];
  /** check-in opens this many minutes before the start */
  checkInBeforeMinutes: number;
  /** and closes this many minutes after it */
  checkInAfterMinutes: number;
  /** a booked citizen who checks in up to this many minutes late keeps their place by time */
  lateGraceMinutes: number;
  walkIns: boolean;
  kiosk: boolean;
}

export interface Service {
  id: string;
  name: Text;
  area: Text;
  minutes: number;
  maxQuantity: number;
  documents: TextList;
  fee?: Text;
  keywords?: TextList;
  leika?: string;
}

export interface Organization {
  name: string;
  timezone: string;
  /** date-holidays region, e.g. `DE-SN`; absent: no public holidays */
  holidays?: string;
  defaultLocale: Locale;
  publicUrl: string;
  retentionDays: number;
  /** texts of the citizen pages' privacy notice, imprint and accessibility statement */
  privacy?: Text;
  imprint?: Text;
  accessibility?: Text;
}

export interface OrgConfig {
  organization: Organization;
  services: Service[];
  offices: Office[];
  /** the online assistant: guided questions and the finder's "not offered here" hints */
  assistant?: Assistant;
}

/** One answer of an assistant question: leads to another question, or to concerns. */
export interface AssistantAnswer {
  label: Text;
  /** id of the next question */
  next?: string;
  /** the concerns this answer leads to (with quantities) */
  services?: ServiceRequest[];
  /** shown with the result, e.g. what to bring or where to go instead */
  hint?: Text;
}

export interface AssistantQuestion {
  id: string;
  text: Text;
  hint?: Text;
  answers: AssistantAnswer[];
}

/** When a search matches one of `keywords` and no concern, `text` says where to go instead. */
export interface FinderRedirect {
  keywords: TextList;
  text: Text;
}

export interface Assistant {
  /** id of the first question (default: the first in the list; absent when there are no questions) */
  start?: string;
  questions: AssistantQuestion[];
  /** said when the finder finds nothing and no redirect matches */
  notFound?: Text;
  redirects: FinderRedirect[];
}

/** How an appointment was made; decides which lanes it may take. */
export const CHANNELS = ['online', 'phone', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A chosen concern and how many units of it. */
export interface ServiceRequest {
  id: string;
  quantity: number;
}
