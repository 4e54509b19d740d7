// The choice per stranded appointment as the forms of closures, blocks and
// settings changes carry it, without script: `c_REF` = move (the suggested time
// `t_REF`) | pick (the time `p_REF` chosen in the calendar) | calendar (open the
// calendar for it first) | cancel | keep. The pick step posts `step=pick`,
// `fuer=REF` and `startsAt` (or `step=back`); its month calendar and day search
// are GET links that carry the whole form as it was (`stateQuery`).
import type { Choices } from '../../app/staff/stranded-choices.ts';
import { parseDateInput, parsePartOfDay, type PartOfDay } from '../../domain/date-input.ts';
import { isValidLocalDate } from '../../domain/time.ts';

export type FormChoice = 'move' | 'pick' | 'calendar' | 'cancel' | 'keep';
export const FORM_CHOICES: readonly FormChoice[] = ['move', 'pick', 'calendar', 'cancel', 'keep'];

export interface RowChoice {
  c: FormChoice;
  /** the suggested time shown (RFC 3339) */
  t?: string;
  /** the time chosen in the calendar (RFC 3339) */
  p?: string;
}

const ref = (k: string) => k.slice(2, 22);
const time = (v: string | undefined) => (v ? v.slice(0, 40) : undefined);

/** Every row's choice from a posted form (or a GET link's query). */
export function readRowChoices(src: Record<string, string>): Map<string, RowChoice> {
  const out = new Map<string, RowChoice>();
  for (const [k, v] of Object.entries(src)) {
    if (!k.startsWith('c_') || !FORM_CHOICES.includes(v as FormChoice)) continue;
    const r = ref(k);
    out.set(r, { c: v as FormChoice, t: time(src[`t_${r}`]), p: time(src[`p_${r}`]) });
  }
  // a picked time without a choice posted (e.g. from the "all" form) stays available
  for (const [k, v] of Object.entries(src)) {
    if (k.startsWith('p_') && !out.has(ref(k)) && v) out.set(ref(k), { c: 'keep', t: time(src[`t_${ref(k)}`]), p: time(v) });
  }
  return out;
}

/** The choices to carry out; `calendar` rows (no time yet) are not among them. */
export function toChoices(rows: Map<string, RowChoice>): Choices {
  const out: Choices = new Map();
  for (const [r, row] of rows) {
    if (row.c === 'move') out.set(r, { choice: 'move', startsAt: row.t });
    else if (row.c === 'pick') out.set(r, { choice: 'move', startsAt: row.p, picked: true });
    else if (row.c === 'cancel' || row.c === 'keep') out.set(r, { choice: row.c });
  }
  return out;
}

/** The rows as form fields (hidden inputs, or a link's query). */
export function choiceFields(rows: Map<string, RowChoice>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [r, row] of rows) {
    out[`c_${r}`] = row.c;
    if (row.t) out[`t_${r}`] = row.t;
    if (row.p) out[`p_${r}`] = row.p;
  }
  return out;
}

/** The first row still waiting for a time from the calendar. */
export const nextPick = (rows: Map<string, RowChoice>): string | undefined => [...rows].find(([, r]) => r.c === 'calendar')?.[0];

/**
 * The pick step's answer folded into the rows: `step=pick` with a time sets that row to it;
 * `step=back` leaves the calendar (the row keeps an earlier picked time, else "keep").
 * Returns 'choose' when a time is missing.
 */
export function takePick(rows: Map<string, RowChoice>, body: Record<string, string>): 'choose' | undefined {
  const r = (body.fuer ?? '').slice(0, 20);
  const row = rows.get(r);
  if (!row) return undefined;
  if (body.step === 'back') rows.set(r, { ...row, c: row.p ? 'pick' : 'keep' });
  else if (body.step === 'pick') {
    if (!body.startsAt) return 'choose';
    rows.set(r, { ...row, c: 'pick', p: body.startsAt.slice(0, 40) });
  }
  return undefined;
}

/** The local date and time of a picked time as the page shows it, or null for anything malformed. */
export function pickedAt(p: string | undefined): { date: string; time: string } | null {
  const m = p ? /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(p) : null;
  return m && isValidLocalDate(m[1]!) ? { date: m[1]!, time: m[2]! } : null;
}

export interface PickSearch {
  /** the day as typed, shown again */
  day?: string;
  part: PartOfDay;
  month?: string;
}

/** The calendar's search from the pick step's query; `date` is null for a day that is no date. */
export function readPickSearch(src: Record<string, string>): PickSearch & { date: string | null | undefined } {
  const day = src.tag?.trim() || undefined;
  return {
    day, part: parsePartOfDay(src.tageszeit), month: /^\d{4}-\d{2}$/.test(src.monat ?? '') ? src.monat : undefined,
    date: day === undefined ? undefined : parseDateInput(day),
  };
}

/** The fields of the pick step that are not the form's own state. */
export const PICK_FIELDS = ['fuer', 'step', 'startsAt', 'tag', 'tageszeit', 'monat', '_csrf', 'all', 'lang'];

/** A link's query from the state: every non-empty field. */
export function stateQuery(state: Record<string, string>, over: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state, ...over })) if (v) p.set(k, v);
  return p.toString();
}
